/* The cockpit: four role boards drawn from the data inlined in the page (script#cockpit-data,
   written by scripts/build_dashboard.py from the marts). Every value shown is a value of
   kpi_scorecard, kpi_alerts, cohort_maturity, kpi_stage_conversion or kpi_mrr_growth as the
   data holds it: the page looks values up and formats them, it never recomputes a KPI.
   Charts are hand-made SVG. Words and number formats come from scripts/kpi_text.py. */
(function () {
    "use strict";

    const DATA = JSON.parse(document.getElementById("cockpit-data").textContent);
    const PAGE = DATA.page;
    const META = DATA.meta;
    const STATUS_COLOURS = {
        on_track: "#1a7f37", at_risk: "#d48a00", off_track: "#c62828",
        no_target: "#5f6b7a", no_data: "#8a94a3", immature: "#2f5fb3",
    };
    const BRIDGE_COLOURS = {
        new_mrr: "#1a7f37", reactivation_mrr: "#5bb974", expansion_mrr: "#94d3a2",
        contraction_mrr: "#f0a04b", churned_mrr: "#c62828",
    };
    const TREND_LENGTH = 12;

    // ---- the data, indexed --------------------------------------------------------------

    function rowsOf(part) {
        const names = Object.keys(part || {});
        const count = names.length ? part[names[0]].length : 0;
        const out = new Array(count);
        for (let i = 0; i < count; i++) {
            const row = {};
            for (const name of names) row[name] = part[name][i];
            out[i] = row;
        }
        return out;
    }

    const catalog = rowsOf(DATA.catalog);
    const catalogByKpi = new Map(catalog.map((row) => [row.kpi_name, row]));
    const scorecard = DATA.scorecard;
    const scoreIndex = new Map();
    const kpiScopeTypes = new Map();
    for (let i = 0; i < scorecard.kpi_name.length; i++) {
        const kpi = scorecard.kpi_name[i];
        const scopeType = scorecard.scope_type[i];
        scoreIndex.set([scorecard.period_grain[i], scorecard.period_start[i], scopeType,
            scorecard.scope_id[i], kpi].join("|"), i);
        if (!kpiScopeTypes.has(kpi)) kpiScopeTypes.set(kpi, new Set());
        kpiScopeTypes.get(kpi).add(scopeType);
    }
    const maturity = new Map(rowsOf(DATA.maturity).map((row) =>
        [[row.period_grain, row.period_start, row.kpi_name].join("|"), row]));
    const alerts = rowsOf(DATA.alerts);
    const periods = rowsOf(DATA.periods);
    const periodsByGrain = {};
    for (const period of periods) {
        (periodsByGrain[period.period_grain] = periodsByGrain[period.period_grain] || []).push(period);
    }
    for (const grain of Object.keys(periodsByGrain)) {
        periodsByGrain[grain].sort((a, b) => (a.period_start < b.period_start ? -1 : 1));
    }
    const people = rowsOf(DATA.people);
    const peopleById = new Map(people.map((person) => [person.user_id, person]));
    const teams = new Map();
    for (const person of people) {
        if (person.team_id && !teams.has(person.team_id)) teams.set(person.team_id, person.team_name || person.team_id);
    }
    const usersWithRows = new Set();
    for (let i = 0; i < scorecard.scope_type.length; i++) {
        if (scorecard.scope_type[i] === "user") usersWithRows.add(scorecard.scope_id[i]);
        if (scorecard.scope_type[i] === "team" && !teams.has(scorecard.scope_id[i])) {
            teams.set(scorecard.scope_id[i], scorecard.scope_id[i]);
        }
    }
    const funnel = new Map();
    for (const row of rowsOf(DATA.funnel)) {
        const key = row.period_grain + "|" + row.period_start;
        if (!funnel.has(key)) funnel.set(key, []);
        funnel.get(key).push(row);
    }
    const bridge = new Map(rowsOf(DATA.mrr_bridge).map((row) => [row.period_grain + "|" + row.period_start, row]));

    // ---- state --------------------------------------------------------------------------

    function latestPeriod(grain) {
        const list = periodsByGrain[grain] || [];
        const complete = list.filter((period) => period.is_period_complete);
        const chosen = (complete.length ? complete : list)[(complete.length ? complete : list).length - 1];
        return chosen ? chosen.period_start : "";
    }

    const state = { lang: "en", board: "company", grain: "month", period: "", team: "", rep: "" };

    function readHash() {
        const params = new URLSearchParams(location.hash.replace(/^#/, ""));
        for (const key of Object.keys(state)) {
            if (params.has(key)) state[key] = params.get(key);
        }
        if (!PAGE.text[state.lang]) state.lang = "en";
        if (!PAGE.boards[state.board]) state.board = "company";
        if (!periodsByGrain[state.grain]) state.grain = "month";
        if (!(periodsByGrain[state.grain] || []).some((period) => period.period_start === state.period)) {
            state.period = latestPeriod(state.grain);
        }
        if (state.team && !teams.has(state.team)) state.team = "";
        if (state.rep && !peopleById.has(state.rep) && !usersWithRows.has(state.rep)) state.rep = "";
    }

    function writeHash() {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(state)) if (value) params.set(key, value);
        history.replaceState(null, "", "#" + params.toString());
    }

    function scope() {
        if (state.rep) return { type: "user", id: state.rep };
        if (state.team) return { type: "team", id: state.team };
        return { type: "company", id: "company" };
    }

    // ---- words and numbers (the rules of scripts/kpi_text.py) ---------------------------

    function T() {
        return PAGE.text[state.lang];
    }

    function format(pattern, values) {
        return pattern.replace(/\{(\w+)\}/g, (match, name) => (name in values ? values[name] : match));
    }

    function fixed(value, decimals) {
        // toFixed rounds an exact tie away from zero; Python's format (kpi_text.number) to even
        const scaled = value * Math.pow(10, decimals);
        if (Number.isInteger(scaled * 2) && !Number.isInteger(scaled)) {
            const down = Math.floor(scaled);
            return ((down % 2 === 0 ? down : down + 1) / Math.pow(10, decimals)).toFixed(decimals);
        }
        return value.toFixed(decimals);
    }

    function number(value, decimals) {
        const text = T();
        const digits = fixed(Math.abs(value), decimals).split(".");
        const grouped = digits[0].replace(/\B(?=(\d{3})+(?!\d))/g, text.thousands);
        return (value < 0 ? "-" : "") + grouped + (digits.length > 1 ? text.decimal + digits[1] : "");
    }

    function withUnit(value, unit) {
        if (value === null || value === undefined) return "—";
        const spec = PAGE.unit_formats[unit] || PAGE.unit_formats.score;
        const currency = META.reporting_currency;
        return format(spec.pattern, {
            n: number(value, spec.decimals),
            currency: PAGE.currency_symbols[currency] || currency,
            days: T().days,
        });
    }

    function dateLabel(iso) {
        const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
        return format(T().date, { year: year, month: T().months[month - 1], day: day });
    }

    function periodInfo(grain, start) {
        return (periodsByGrain[grain] || []).find((period) => period.period_start === start);
    }

    function periodLabel(grain, start, short) {
        const text = T();
        const [year, month] = start.split("-").map(Number);
        if (grain === "month") {
            return short ? text.months_short[month - 1] + " " + String(year).slice(2)
                : text.months[month - 1] + " " + year;
        }
        const info = periodInfo(grain, start) || { fiscal_year: year, fiscal_quarter: 1 };
        const fiscal = Number(META.fiscal_year_start_month) !== 1 ? "fiscal_" : "";
        if (grain === "quarter") {
            return format(text[fiscal + "quarter_label"], { quarter: info.fiscal_quarter, year: info.fiscal_year });
        }
        return format(text[fiscal + "year_label"], { year: info.fiscal_year });
    }

    function kpiLabel(kpi) {
        const row = catalogByKpi.get(kpi);
        return row ? row["label_" + state.lang] : kpi;
    }

    function scopeName(type, id) {
        if (type === "company") return T().scopes.company;
        if (type === "team") return teams.get(id) || id;
        const person = peopleById.get(id);
        return person ? person.full_name : id;
    }

    function esc(value) {
        return String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
    }

    // ---- lookups ------------------------------------------------------------------------

    function scoreRow(grain, start, scopeType, scopeId, kpi) {
        const i = scoreIndex.get([grain, start, scopeType, scopeId, kpi].join("|"));
        if (i === undefined) return null;
        return {
            value: scorecard.value[i], target: scorecard.target_value[i], status: scorecard.target_status[i],
            benchmark: scorecard.benchmark_value[i], numerator: scorecard.numerator[i],
            denominator: scorecard.denominator[i], complete: scorecard.is_period_complete[i],
        };
    }

    function maturityOf(grain, start, kpi) {
        return maturity.get([grain, start, kpi].join("|")) || null;
    }

    function shownStatus(row, grain, start, kpi) {
        if (!row) return "no_data";
        const cohort = maturityOf(grain, start, kpi);
        return cohort && !cohort.is_mature ? "immature" : row.status;
    }

    function statusText(status) {
        return status === "immature" ? T().immature : T().statuses[status];
    }

    function trendPeriods() {
        const list = periodsByGrain[state.grain] || [];
        const end = list.findIndex((period) => period.period_start === state.period);
        return list.slice(Math.max(0, end - TREND_LENGTH + 1), end + 1);
    }

    // ---- SVG charts ---------------------------------------------------------------------

    function linePath(points) {
        let path = "";
        let drawing = false;
        for (const point of points) {
            if (point === null) {
                drawing = false;
                continue;
            }
            path += (drawing ? "L" : "M") + point[0].toFixed(1) + " " + point[1].toFixed(1);
            drawing = true;
        }
        return path;
    }

    function trendSvg(kpi, unit) {
        const sc = scope();
        const list = trendPeriods();
        const series = list.map((period) => {
            const row = scoreRow(state.grain, period.period_start, sc.type, sc.id, kpi);
            return { period: period, row: row, status: shownStatus(row, state.grain, period.period_start, kpi) };
        });
        const numbers = [];
        for (const point of series) {
            if (point.row && point.row.value !== null) numbers.push(point.row.value);
            if (point.row && point.row.target !== null) numbers.push(point.row.target);
        }
        const width = 240;
        const height = 58;
        if (!numbers.length) return '<svg class="trend" viewBox="0 0 240 58" role="img"></svg>';
        let low = Math.min(...numbers);
        let high = Math.max(...numbers);
        if (high === low) {
            high += Math.abs(high) * 0.1 || 1;
            low -= Math.abs(low) * 0.1 || 1;
        }
        const step = series.length > 1 ? (width - 12) / (series.length - 1) : 0;
        const x = (i) => 6 + i * step;
        const y = (v) => 6 + (height - 12) * (1 - (v - low) / (high - low));
        const values = series.map((p, i) => (p.row && p.row.value !== null ? [x(i), y(p.row.value)] : null));
        const targets = series.map((p, i) => (p.row && p.row.target !== null ? [x(i), y(p.row.target)] : null));
        let svg = '<svg class="trend" viewBox="0 0 ' + width + " " + height + '" preserveAspectRatio="none" role="img">';
        svg += '<path d="' + linePath(targets) + '" fill="none" stroke="#8a94a3" stroke-width="1.2" stroke-dasharray="4 3" vector-effect="non-scaling-stroke"/>';
        svg += '<path d="' + linePath(values) + '" fill="none" stroke="#24476b" stroke-width="1.6" vector-effect="non-scaling-stroke"/>';
        series.forEach((point, i) => {
            if (!values[i]) return;
            const last = i === series.length - 1;
            const colour = STATUS_COLOURS[point.status] || STATUS_COLOURS.no_data;
            const hollow = point.status === "immature";
            const tip = periodLabel(state.grain, point.period.period_start) + ": " + withUnit(point.row.value, unit)
                + (point.row.target !== null ? " · " + T().target + " " + withUnit(point.row.target, unit) : "")
                + " · " + statusText(point.status);
            svg += '<circle cx="' + values[i][0].toFixed(1) + '" cy="' + values[i][1].toFixed(1) + '" r="' + (last ? 3.6 : 2.4)
                + '" fill="' + (hollow ? "#fff" : colour) + '" stroke="' + colour + '" stroke-width="1.3"><title>' + esc(tip) + "</title></circle>";
        });
        return svg + "</svg>";
    }

    function funnelCard() {
        const text = T();
        const stages = (funnel.get(state.grain + "|" + state.period) || []).slice().sort((a, b) => a.stage_order - b.stage_order);
        let body;
        if (!stages.length || !stages[0].reached) {
            body = '<p class="note">' + esc(text.funnel_empty) + "</p>";
        } else {
            const rows = stages.map((stage) => ({ name: stage.stage_name, count: stage.reached, rate: stage.stage_conversion_rate }));
            rows.push({ name: "won", count: stages[stages.length - 1].advanced, rate: null });
            // the stage where deals stall: the lowest conversion, once the cohort has had time to close
            const cohort = maturityOf(state.grain, state.period, "win_rate");
            let weakest = null;
            if (!cohort || cohort.is_mature) {
                for (const row of rows) {
                    if (row.rate !== null && row.count > 0 && (weakest === null || row.rate < weakest.rate)) weakest = row;
                }
            }
            const max = Math.max(...rows.map((row) => row.count), 1);
            const rowHeight = 28;
            const width = 640;
            const barStart = 110;
            const barMax = 290;
            let svg = '<svg viewBox="0 0 ' + width + " " + (rows.length * rowHeight + 4) + '" role="img" data-chart="funnel">';
            rows.forEach((row, i) => {
                const top = i * rowHeight + 4;
                const barWidth = Math.max(2, (barMax * row.count) / max);
                const stall = row === weakest;
                const colour = row.name === "won" ? "#1a7f37" : stall ? "#c62828" : "#24476b";
                svg += '<text x="0" y="' + (top + 17) + '" font-size="12" fill="#1f2933">' + esc(text.stages[row.name] || row.name) + "</text>";
                const barLeft = barStart + (barMax - barWidth) / 2;
                svg += '<rect x="' + barLeft.toFixed(1) + '" y="' + (top + 3) + '" width="' + barWidth.toFixed(1) + '" height="' + (rowHeight - 8) + '" rx="3" fill="' + colour + '" opacity="0.85"/>';
                const inside = barWidth >= 36;
                svg += '<text x="' + (inside ? barStart + barMax / 2 : barLeft + barWidth + 4).toFixed(1) + '" y="' + (top + 17) + '" font-size="12" font-weight="bold" fill="'
                    + (inside ? "#fff" : "#1f2933") + '" text-anchor="' + (inside ? "middle" : "start") + '">' + esc(number(row.count, 0)) + "</text>";
                if (row.rate !== null) {
                    svg += '<text x="' + (barStart + barMax + 12) + '" y="' + (top + 17) + '" font-size="12" fill="' + (stall ? "#c62828" : "#5f6b7a") + '"'
                        + (stall ? ' font-weight="bold"' : "") + ">" + esc("→ " + withUnit(row.rate, "percent") + (stall ? " ◀ " + text.funnel_stall : "")) + "</text>";
                }
            });
            body = svg + "</svg>";
        }
        const cohort = maturityOf(state.grain, state.period, "win_rate");
        let note = "";
        // (the funnel's cohort, the opportunities created in the period, is win_rate's)
        if (cohort) {
            note = format(text.cohort_note, {
                status: cohort.is_mature ? text.cohort_mature : format(text.cohort_immature, { date: dateLabel(cohort.matures_on) }),
            });
        }
        if (scope().type !== "company") note += " " + text.company_wide_note;
        return '<section class="card" data-card="funnel"><h2>' + esc(text.funnel_title) + " — " + esc(periodLabel(state.grain, state.period))
            + "</h2>" + body + '<p class="note">' + esc(note) + "</p></section>";
    }

    function bridgeCards() {
        const text = T();
        const row = bridge.get(state.grain + "|" + state.period);
        const money = (value) => withUnit(value, "currency");
        let waterfall = '<p class="note">—</p>';
        if (row) {
            const steps = [
                { key: "start_mrr", level: row.start_mrr },
                { key: "new_mrr", delta: row.new_mrr },
                { key: "reactivation_mrr", delta: row.reactivation_mrr },
                { key: "expansion_mrr", delta: row.expansion_mrr },
                { key: "contraction_mrr", delta: -row.contraction_mrr },
                { key: "churned_mrr", delta: -row.churned_mrr },
                { key: "end_mrr", level: row.end_mrr },
            ];
            let running = row.start_mrr || 0;
            const levels = [running];
            for (const step of steps.slice(1, 6)) {
                step.from = running;
                running += step.delta || 0;
                step.to = running;
                levels.push(running);
            }
            levels.push(row.end_mrr || 0);
            const lowLevel = Math.min(...levels);
            const highLevel = Math.max(...levels);
            const span = highLevel - lowLevel || Math.abs(highLevel) * 0.1 || 1;
            const low = Math.max(0, lowLevel - span * 0.8);
            const high = highLevel + span * 0.25;
            const width = 560;
            const height = 220;
            const plotTop = 22;
            const plotBottom = height - 34;
            const y = (v) => plotBottom - ((v - low) / (high - low)) * (plotBottom - plotTop);
            const slot = width / steps.length;
            let svg = '<svg viewBox="0 0 ' + width + " " + height + '" role="img" data-chart="mrr-bridge">';
            steps.forEach((step, i) => {
                const left = i * slot + slot * 0.18;
                const barWidth = slot * 0.64;
                let top;
                let bottom;
                let colour;
                let label;
                if (step.level !== undefined) {
                    top = y(step.level || 0);
                    bottom = plotBottom;
                    colour = "#5f6b7a";
                    label = money(step.level);
                } else {
                    top = y(Math.max(step.from, step.to));
                    bottom = y(Math.min(step.from, step.to));
                    colour = BRIDGE_COLOURS[step.key];
                    label = (step.delta < 0 ? "−" : "+") + money(Math.abs(step.delta));
                }
                const barHeight = Math.max(1.5, bottom - top);
                svg += '<rect x="' + left.toFixed(1) + '" y="' + top.toFixed(1) + '" width="' + barWidth.toFixed(1) + '" height="' + barHeight.toFixed(1) + '" fill="' + colour + '" rx="2"/>';
                if (step.level !== undefined && low > 0) {
                    // the axis does not start at 0: a break across the bar says so
                    const mark = plotBottom - 12;
                    svg += '<path d="M' + (left - 2).toFixed(1) + " " + (mark + 3) + "l" + (barWidth + 4).toFixed(1) + " -6M" + (left - 2).toFixed(1) + " " + (mark + 8) + "l" + (barWidth + 4).toFixed(1) + ' -6" stroke="#fff" stroke-width="2.5"/>';
                }
                svg += '<text x="' + (left + barWidth / 2).toFixed(1) + '" y="' + (top - 5).toFixed(1) + '" font-size="10.5" text-anchor="middle" fill="#1f2933">' + esc(label) + "</text>";
                svg += '<text x="' + (left + barWidth / 2).toFixed(1) + '" y="' + (height - 16) + '" font-size="11" text-anchor="middle" fill="#5f6b7a">' + esc(text.bridge[step.key]) + "</text>";
            });
            svg += '<line x1="0" x2="' + width + '" y1="' + plotBottom + '" y2="' + plotBottom + '" stroke="#d9dee5"/>';
            waterfall = svg + "</svg>";
        }
        // the movements of the last periods, stacked: gains above the line, losses below
        const list = trendPeriods();
        const rows = list.map((period) => bridge.get(state.grain + "|" + period.period_start) || null);
        // the period the data opens with (no MRR before it) would dwarf the others: the scale
        // ignores it and its bar is cut at the top of the plot
        const opening = rows.map((r) => Boolean(r) && !r.start_mrr && rows.some((other) => other && other.start_mrr));
        const gains = rows.map((r, i) => (r && !opening[i] ? r.new_mrr + r.reactivation_mrr + r.expansion_mrr : 0));
        const losses = rows.map((r, i) => (r && !opening[i] ? r.contraction_mrr + r.churned_mrr : 0));
        const top = Math.max(...gains, 1);
        const bottom = Math.max(...losses, 1);
        const width = 560;
        const height = 220;
        const plotTop = 10;
        const plotBottom = height - 24;
        const zero = plotTop + ((plotBottom - plotTop) * top) / (top + bottom);
        const scale = (plotBottom - plotTop) / (top + bottom);
        const slot = width / Math.max(rows.length, 1);
        let svg = '<svg viewBox="0 0 ' + width + " " + height + '" role="img" data-chart="mrr-movements">';
        rows.forEach((r, i) => {
            if (!r) return;
            const left = i * slot + slot * 0.2;
            const barWidth = slot * 0.6;
            if (i === 0 || i === rows.length - 1 || i % 3 === 0) {
                svg += '<text x="' + (left + barWidth / 2).toFixed(1) + '" y="' + (height - 6) + '" font-size="10.5" text-anchor="middle" fill="#5f6b7a">' + esc(periodLabel(state.grain, list[i].period_start, true)) + "</text>";
            }
            let up = zero;
            for (const key of ["new_mrr", "reactivation_mrr", "expansion_mrr"]) {
                const h = Math.min(r[key] * scale, up - plotTop);
                up -= h;
                svg += '<rect x="' + left.toFixed(1) + '" y="' + up.toFixed(1) + '" width="' + barWidth.toFixed(1) + '" height="' + h.toFixed(1) + '" fill="' + BRIDGE_COLOURS[key] + '"><title>' + esc(text.bridge[key] + " " + money(r[key])) + "</title></rect>";
            }
            let down = zero;
            for (const key of ["contraction_mrr", "churned_mrr"]) {
                const h = r[key] * scale;
                svg += '<rect x="' + left.toFixed(1) + '" y="' + down.toFixed(1) + '" width="' + barWidth.toFixed(1) + '" height="' + h.toFixed(1) + '" fill="' + BRIDGE_COLOURS[key] + '"><title>' + esc(text.bridge[key] + " −" + money(r[key])) + "</title></rect>";
                down += h;
            }
            const net = (r.end_mrr || 0) - (r.start_mrr || 0);
            if (opening[i]) {
                svg += '<path d="M' + (left - 2).toFixed(1) + " " + (plotTop + 9) + "l" + (barWidth + 4).toFixed(1) + " -6M" + (left - 2).toFixed(1) + " " + (plotTop + 14) + "l" + (barWidth + 4).toFixed(1) + ' -6" stroke="#fff" stroke-width="2.5"/>';
                return;
            }
            svg += '<circle cx="' + (left + barWidth / 2).toFixed(1) + '" cy="' + (zero - net * scale).toFixed(1) + '" r="3" fill="#1f2933"><title>' + esc(periodLabel(state.grain, list[i].period_start) + ": " + (net < 0 ? "−" : "+") + money(Math.abs(net))) + "</title></circle>";
        });
        svg += '<line x1="0" x2="' + width + '" y1="' + zero.toFixed(1) + '" y2="' + zero.toFixed(1) + '" stroke="#1f2933" stroke-width="0.8"/></svg>';
        const legend = ["new_mrr", "reactivation_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr"].map((key) =>
            '<span class="pill" style="background:' + BRIDGE_COLOURS[key] + ';color:#fff">' + esc(text.bridge[key]) + "</span>").join(" ");
        const note = scope().type !== "company" ? '<p class="note">' + esc(text.company_wide_note) + "</p>" : "";
        return '<section class="card" data-card="mrr-bridge"><h2>' + esc(text.bridge_title) + " — " + esc(periodLabel(state.grain, state.period)) + "</h2>" + waterfall + note + "</section>"
            + '<section class="card" data-card="mrr-movements"><h2>' + esc(format(text.bridge_trend_title, { count: rows.length })) + "</h2>" + svg
            + '<div class="legend">' + legend + "</div>" + note + "</section>";
    }

    // ---- tiles, tables, alerts ----------------------------------------------------------

    function tile(kpi) {
        const text = T();
        const entry = catalogByKpi.get(kpi);
        if (!entry) return "";
        const sc = scope();
        const row = scoreRow(state.grain, state.period, sc.type, sc.id, kpi);
        const unit = entry.unit;
        const list = trendPeriods();
        const axis = list.length ? '<div class="axis"><span>' + esc(periodLabel(state.grain, list[0].period_start, true)) + "</span><span>"
            + esc(format(text.trend, { count: list.length })) + "</span><span>" + esc(periodLabel(state.grain, state.period, true)) + "</span></div>" : "";
        if (!row) {
            const why = (kpiScopeTypes.get(kpi) || new Set()).has(sc.type) ? text.no_row
                : format(text.not_for_scope, { scope: text.scopes[sc.type].toLowerCase() });
            return '<article class="tile absent" data-kpi="' + esc(kpi) + '" data-status="absent"><div class="head"><span class="label">' + esc(kpiLabel(kpi))
                + '</span></div><div class="value" data-role="value">—</div><div class="parts" data-role="absent">' + esc(why) + "</div>"
                + trendSvg(kpi, unit) + axis + "</article>";
        }
        const status = shownStatus(row, state.grain, state.period, kpi);
        const cohort = maturityOf(state.grain, state.period, kpi);
        const parts = unit === "percent" && row.denominator !== null && row.numerator !== null
            ? '<div class="parts" title="' + esc(entry.numerator_column + " / " + entry.denominator_column) + '">'
                + esc(number(row.numerator, 0) + " / " + number(row.denominator, 0)) + "</div>" : "";
        const note = status === "immature" ? '<div class="note">' + esc(format(text.matures_on, { date: dateLabel(cohort.matures_on) })) + "</div>" : "";
        const benchmark = row.benchmark !== null
            ? "<span>" + esc(text.benchmark) + ' <b data-role="benchmark" title="' + esc(entry.benchmark_note || "") + '">' + esc(withUnit(row.benchmark, unit)) + "</b></span>" : "";
        return '<article class="tile" data-kpi="' + esc(kpi) + '" data-status="' + esc(status) + '" title="' + esc(entry.formula) + '">'
            + '<div class="head"><span class="label">' + esc(kpiLabel(kpi)) + '</span><span class="pill ' + esc(status) + '" data-role="status">' + esc(statusText(status)) + "</span></div>"
            + '<div class="value" data-role="value">' + esc(withUnit(row.value, unit)) + "</div>"
            + '<div class="refs"><span>' + esc(text.target) + ' <b data-role="target">' + esc(withUnit(row.target, unit)) + "</b></span>" + benchmark + "</div>"
            + parts + note + trendSvg(kpi, unit) + axis + "</article>";
    }

    function tableRows(config) {
        const sc = scope();
        const teamOfScope = sc.type === "team" ? sc.id : sc.type === "user" ? (peopleById.get(sc.id) || {}).team_id : "";
        if (!config.role && sc.type === "company") {
            return { type: "team", ids: Array.from(teams.keys()).sort((a, b) => scopeName("team", a).localeCompare(scopeName("team", b))) };
        }
        const ids = Array.from(usersWithRows).filter((id) => {
            const person = peopleById.get(id);
            if (config.role && (!person || person.role !== config.role)) return false;
            return !teamOfScope || (person && person.team_id === teamOfScope);
        });
        ids.sort((a, b) => scopeName("user", a).localeCompare(scopeName("user", b)));
        return { type: "user", ids: ids };
    }

    function compareTable(config) {
        const text = T();
        const sc = scope();
        const rows = tableRows(config);
        const kpis = config.kpis.filter((kpi) => (kpiScopeTypes.get(kpi) || new Set()).has(rows.type));
        let body = "";
        for (const id of rows.ids) {
            const cells = kpis.map((kpi) => {
                const row = scoreRow(state.grain, state.period, rows.type, id, kpi);
                if (!row) return null;
                const status = shownStatus(row, state.grain, state.period, kpi);
                return { text: withUnit(row.value, catalogByKpi.get(kpi).unit), status: status };
            });
            if (cells.every((cell) => cell === null)) continue;
            const selected = sc.id === id ? ' class="selected"' : "";
            body += "<tr" + selected + ' data-scope="' + esc(id) + '"><td>' + esc(scopeName(rows.type, id)) + "</td>"
                + cells.map((cell) => (cell ? '<td class="' + esc(cell.status) + '" title="' + esc(statusText(cell.status)) + '">' + esc(cell.text) + "</td>" : '<td class="none">—</td>')).join("") + "</tr>";
        }
        const where = sc.type === "company" ? T().all_teams : scopeName("team", sc.type === "team" ? sc.id : (peopleById.get(sc.id) || {}).team_id);
        const title = rows.type === "team" ? text.table_teams
            : config.role ? format(text.table_people, { role: PAGE.text[state.lang].roles[config.role], scope: where })
                : format(text.table_reps, { scope: where });
        return '<section class="card" data-card="compare"><h2>' + esc(title) + " — " + esc(periodLabel(state.grain, state.period)) + '</h2><table class="compare"><thead><tr><th>' + esc(text.name) + "</th>"
            + kpis.map((kpi) => "<th>" + esc(kpiLabel(kpi)) + "</th>").join("") + "</tr></thead><tbody>" + body + "</tbody></table></section>";
    }

    function alertsPanel() {
        const text = T();
        const sc = scope();
        const mine = alerts.filter((alert) => alert.period_grain === state.grain && alert.period_start === state.period
            && alert.scope_type === sc.type && alert.scope_id === sc.id).sort((a, b) => a.alert_rank - b.alert_rank);
        const raised = mine.filter((alert) => alert.raises_alert);
        const maturing = mine.filter((alert) => !alert.raises_alert);
        let html = "<h2>" + esc(format(text.alerts_title, { period: periodLabel(state.grain, state.period), scope: scopeName(sc.type, sc.id) })) + "</h2>";
        html += '<div class="count" data-role="alert-count">' + esc(raised.length === 1 ? text.alert_one : format(text.alerts_count, { count: raised.length })) + "</div>";
        if (!raised.length) html += '<p class="none">' + esc(text.no_alerts) + "</p>";
        html += "<ol>";
        for (const alert of raised) {
            const why = [];
            if (alert.shortfall_pct !== null) why.push(format(text.shortfall, { shortfall: number(alert.shortfall_pct, 1) }));
            if (alert.is_quota_alert) why.push(format(text.quota_alert, { threshold: number(alert.quota_alert_threshold_pct, 0) }));
            const target = alert.target_value !== null ? text.target + " " + withUnit(alert.target_value, alert.unit) : text.no_target_short;
            html += '<li class="alert" data-kpi="' + esc(alert.kpi_name) + '" data-rank="' + alert.alert_rank + '">'
                + '<div class="what"><span class="rank">' + alert.alert_rank + '</span><span class="kpi">' + esc(alert["label_" + state.lang]) + "</span></div>"
                + '<div class="numbers">' + esc(withUnit(alert.value, alert.unit) + " · " + target + " · " + why.join(" · ")) + "</div>"
                + '<div class="who">' + esc(format(text.who_acts, { role: text.roles[alert.owner_role] })) + "</div>"
                + '<div class="decision">' + esc(alert["decision_" + state.lang]) + "</div></li>";
        }
        html += "</ol>";
        if (maturing.length) {
            html += "<h3>" + esc(text.immature_title) + "</h3><ol>";
            for (const alert of maturing) {
                html += '<li class="immature" data-kpi="' + esc(alert.kpi_name) + '">' + esc(alert["label_" + state.lang] + " " + withUnit(alert.value, alert.unit)
                    + " — " + format(text.matures_on, { date: dateLabel(alert.matures_on) })) + "</li>";
            }
            html += "</ol>";
        }
        // the alerts of the teams and reps inside this scope, one line each: a click selects them
        const inside = alerts.filter((alert) => alert.raises_alert && alert.period_grain === state.grain && alert.period_start === state.period
            && (sc.type === "company" ? alert.scope_type !== "company"
                : sc.type === "team" && alert.scope_type === "user" && (peopleById.get(alert.scope_id) || {}).team_id === sc.id));
        if (inside.length) {
            const byScope = new Map();
            for (const alert of inside) {
                const key = alert.scope_type + "|" + alert.scope_id;
                if (!byScope.has(key)) byScope.set(key, []);
                byScope.get(key).push(alert);
            }
            html += "<h3 class=\"inside\">" + esc(text.inside_title) + '</h3><ul class="inside">';
            for (const [key, list] of byScope) {
                const [type, id] = key.split("|");
                list.sort((a, b) => a.alert_rank - b.alert_rank);
                html += '<li><button type="button" class="drill" data-scope-type="' + esc(type) + '" data-scope-id="' + esc(id) + '">'
                    + esc(scopeName(type, id)) + "</button> " + esc(list.map((alert) => alert["label_" + state.lang]).join(" · ")) + "</li>";
            }
            html += "</ul>";
        }
        return html;
    }

    // ---- the page -----------------------------------------------------------------------

    function options(list, chosen) {
        return list.map(([value, label]) => '<option value="' + esc(value) + '"' + (value === chosen ? " selected" : "") + ">" + esc(label) + "</option>").join("");
    }

    function renderFilters() {
        const text = T();
        document.getElementById("title").textContent = text.cockpit;
        document.title = text.cockpit;
        document.documentElement.lang = state.lang;
        document.getElementById("as-of").textContent = format(text.as_of, {
            date: META.as_of_date ? dateLabel(META.as_of_date) : "—", target: META.target_name,
        });
        document.getElementById("lang").textContent = text.language;
        for (const id of ["grain", "period", "team", "rep"]) {
            document.querySelector('label[for="' + id + '"] span').textContent = text[id];
        }
        document.getElementById("grain").innerHTML = options(["month", "quarter", "year"].filter((g) => periodsByGrain[g]).map((g) => [g, text.grains[g]]), state.grain);
        document.getElementById("period").innerHTML = options((periodsByGrain[state.grain] || []).slice().reverse().map((period) =>
            [period.period_start, periodLabel(state.grain, period.period_start) + (period.is_period_complete ? "" : " (" + text.in_progress + ")")]), state.period);
        document.getElementById("team").innerHTML = options([["", text.all_teams]].concat(Array.from(teams.keys()).sort().map((id) => [id, scopeName("team", id)])), state.team);
        const reps = Array.from(usersWithRows).filter((id) => !state.team || (peopleById.get(id) || {}).team_id === state.team)
            .sort((a, b) => scopeName("user", a).localeCompare(scopeName("user", b)));
        document.getElementById("rep").innerHTML = options([["", text.all_reps]].concat(reps.map((id) => {
            const person = peopleById.get(id);
            const role = person && text.roles[person.role] ? " (" + (person.role === "manager" ? text.roles.manager : person.role.toUpperCase()) + ")" : "";
            return [id, scopeName("user", id) + role + (person && person.terminated_on ? " · " + text.left : "")];
        })), state.rep);
        document.querySelectorAll("nav.tabs button").forEach((button) => {
            button.textContent = text.boards[button.dataset.board];
            button.setAttribute("aria-selected", String(button.dataset.board === state.board));
        });
    }

    function render() {
        const started = performance.now();
        const text = T();
        renderFilters();
        const board = PAGE.boards[state.board];
        const sc = scope();
        const legend = ["on_track", "at_risk", "off_track", "no_target", "no_data", "immature"].map((status) =>
            '<span class="pill ' + status + '">' + esc(statusText(status)) + "</span>").join("");
        let html = '<p class="scope-line"><strong>' + esc(text.boards[state.board]) + "</strong> · " + esc(periodLabel(state.grain, state.period))
            + " · " + (sc.type === "company" ? esc(text.scopes.company) : esc(text.scopes[sc.type]) + " <strong>" + esc(scopeName(sc.type, sc.id)) + "</strong>") + "</p>";
        html += '<div class="legend">' + legend + "</div>";
        html += '<div class="tiles">' + board.tiles.map(tile).join("") + "</div>";
        const charts = (board.charts || []).map((chart) => (chart === "funnel" ? funnelCard() : bridgeCards())).join("");
        if (charts) html += '<div class="charts">' + charts + "</div>";
        if (board.table) html += compareTable(board.table);
        const content = document.getElementById("board");
        content.innerHTML = html;
        content.dataset.board = state.board;
        const panel = document.getElementById("alerts");
        panel.innerHTML = alertsPanel();
        panel.querySelectorAll("button.drill").forEach((button) => button.addEventListener("click", () => {
            if (button.dataset.scopeType === "team") {
                state.team = button.dataset.scopeId;
                state.rep = "";
            } else {
                state.rep = button.dataset.scopeId;
                state.team = (peopleById.get(state.rep) || {}).team_id || "";
            }
            render();
        }));
        writeHash();
        document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
        document.body.dataset.ready = "true";
    }

    function bind() {
        document.getElementById("grain").addEventListener("change", (event) => {
            state.grain = event.target.value;
            state.period = latestPeriod(state.grain);
            render();
        });
        document.getElementById("period").addEventListener("change", (event) => {
            state.period = event.target.value;
            render();
        });
        document.getElementById("team").addEventListener("change", (event) => {
            state.team = event.target.value;
            if (state.rep && (peopleById.get(state.rep) || {}).team_id !== state.team) state.rep = "";
            render();
        });
        document.getElementById("rep").addEventListener("change", (event) => {
            state.rep = event.target.value;
            const person = peopleById.get(state.rep);
            if (person && person.team_id) state.team = person.team_id;
            render();
        });
        document.getElementById("lang").addEventListener("click", () => {
            state.lang = state.lang === "en" ? "fr" : "en";
            render();
        });
        document.querySelectorAll("nav.tabs button").forEach((button) => button.addEventListener("click", () => {
            state.board = button.dataset.board;
            render();
        }));
    }

    readHash();
    bind();
    render();
})();
