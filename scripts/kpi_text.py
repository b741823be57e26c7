"""The words and number formats of the project's outputs, in English and French.

Shared by the terminal summaries (scripts/scorecard_summary.py, scripts/alerts_summary.py)
and the cockpit (scripts/build_dashboard.py), which hands TEXT and UNIT_FORMATS to the
page as they are: the page's JavaScript formats with the same separators, decimals and
unit patterns as with_unit() below, so the terminal and the page print a value alike.
"""

from __future__ import annotations

FAMILIES = ["activity", "efficiency", "results", "retention"]
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}

# How a value of each kpi_catalog.unit is written: its decimals, then a pattern where {n}
# is the number with the language's separators, {currency} the currency's symbol and
# {days} the language's abbreviation of days.
UNIT_FORMATS = {
    "count": {"decimals": 0, "pattern": "{n}"},
    "percent": {"decimals": 1, "pattern": "{n} %"},
    "currency": {"decimals": 0, "pattern": "{n} {currency}"},
    "days": {"decimals": 1, "pattern": "{n} {days}"},
    "ratio": {"decimals": 2, "pattern": "{n}×"},
    "score": {"decimals": 1, "pattern": "{n}"},
}

TEXT = {
    "en": {
        # the scorecard summary (make build, make scorecard)
        "title": "Company scorecard — {month}",
        "latest": "latest complete month",
        "chosen": "month asked for",
        "kpi": "KPI", "value": "Value", "target": "Target", "status": "Status",
        "benchmark": "Benchmark",
        "families": {"activity": "Activity", "efficiency": "Efficiency",
                     "results": "Results", "retention": "Retention"},
        "statuses": {"on_track": "on track", "at_risk": "at risk", "off_track": "off track",
                     "no_target": "no target", "no_data": "no data"},
        "days": "d",
        "months": ["January", "February", "March", "April", "May", "June", "July",
                   "August", "September", "October", "November", "December"],
        "legend": "Status: value against the month's target (at risk = short by at most {tolerance} %).",
        "no_month": "No month {month} in kpi_scorecard (months run from {first} to {last}).",
        "no_table": "No kpi_scorecard in {database}: run `make build` first.",
        "decimal": ".", "thousands": ",",
        # the alerts (make alerts, the cockpit's alerts panel)
        "roles": {"sdr": "SDR", "ae": "Account Executive", "manager": "Sales manager"},
        "scopes": {"company": "Company", "team": "Team", "user": "Rep"},
        "alerts_title": "Alerts — {period}, {scope}",
        "no_alerts": "No KPI off track.",
        "immature_title": "Cohorts still maturing (no alert)",
        "inside_title": "Alerts of its teams and reps",
        "matures_on": "matures on {date}",
        "quota_alert": "fewer than {threshold} % of reps at quota",
        "who_acts": "Who acts: {role}",
        "decision": "Decision",
        "shortfall": "{shortfall} % off",
        "date": "{month} {day}, {year}",
        # the cockpit
        "cockpit": "Sales cockpit",
        "as_of": "Data as of {date} · target {target}",
        "boards": {"company": "Company", "team": "Team", "ae": "Account Executives", "sdr": "SDRs"},
        "grain": "Period grain",
        "grains": {"month": "Month", "quarter": "Fiscal quarter", "year": "Fiscal year"},
        "period": "Period", "team": "Team", "rep": "Rep",
        "all_teams": "All teams", "all_reps": "All reps",
        "in_progress": "in progress",
        "quarter_label": "Q{quarter} {year}", "year_label": "{year}",
        "fiscal_quarter_label": "Q{quarter} FY{year}", "fiscal_year_label": "FY{year}",
        "months_short": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                         "Oct", "Nov", "Dec"],
        "no_target_short": "no target",
        "immature": "maturing",
        "not_for_scope": "not measured per {scope}",
        "no_row": "no data for this scope",
        "trend": "last {count} periods",
        "left": "left",
        "language": "Langue : FR",
        "funnel_title": "Pipeline funnel — where deals stall",
        "funnel_reached": "reached",
        "funnel_stall": "deals stall here",
        "funnel_won": "won",
        "funnel_empty": "No opportunity created in this period.",
        "bridge_title": "MRR bridge",
        "bridge_trend_title": "MRR movements, last {count} periods",
        "bridge": {"start_mrr": "Start", "new_mrr": "New", "reactivation_mrr": "Reactivation",
                   "expansion_mrr": "Expansion", "contraction_mrr": "Contraction",
                   "churned_mrr": "Churn", "end_mrr": "End"},
        "company_wide_note": "Company-wide: this mart has no team or rep.",
        "cohort_note": "Cohort of the opportunities created in the period; it {status}.",
        "cohort_mature": "is mature",
        "cohort_immature": "matures on {date}, so late stages are still filling",
        "table_teams": "Teams compared",
        "table_reps": "Reps — {scope}",
        "table_people": "{role}s — {scope}",
        "name": "Name",
        "stages": {"prospecting": "Prospecting", "qualification": "Qualification",
                   "discovery": "Discovery", "proposal": "Proposal",
                   "negotiation": "Negotiation", "won": "Won"},
        "alerts_count": "{count} alerts",
        "alert_one": "1 alert",
    },
    "fr": {
        "title": "Tableau de bord de l'entreprise — {month}",
        "latest": "dernier mois complet",
        "chosen": "mois demandé",
        "kpi": "Indicateur", "value": "Valeur", "target": "Objectif", "status": "Statut",
        "benchmark": "Référence",
        "families": {"activity": "Activité", "efficiency": "Efficacité",
                     "results": "Résultats", "retention": "Rétention"},
        "statuses": {"on_track": "en bonne voie", "at_risk": "à surveiller",
                     "off_track": "en retard", "no_target": "sans objectif",
                     "no_data": "sans donnée"},
        "days": "j",
        "months": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                   "septembre", "octobre", "novembre", "décembre"],
        "legend": "Statut : valeur face à l'objectif du mois (à surveiller = écart d'au plus {tolerance} %).",
        "no_month": "Pas de mois {month} dans kpi_scorecard (les mois vont de {first} à {last}).",
        "no_table": "Pas de kpi_scorecard dans {database} : lancez d'abord `make build`.",
        "decimal": ",", "thousands": "\u202f",
        "roles": {"sdr": "SDR", "ae": "Account Executive", "manager": "Manager commercial"},
        "scopes": {"company": "Entreprise", "team": "Équipe", "user": "Commercial"},
        "alerts_title": "Alertes — {period}, {scope}",
        "no_alerts": "Aucun indicateur en retard.",
        "immature_title": "Cohortes encore en maturation (pas d'alerte)",
        "inside_title": "Alertes de ses équipes et commerciaux",
        "matures_on": "mûre le {date}",
        "quota_alert": "moins de {threshold} % des commerciaux à l'objectif",
        "who_acts": "Qui agit : {role}",
        "decision": "Décision",
        "shortfall": "écart de {shortfall} %",
        "date": "{day} {month} {year}",
        "cockpit": "Cockpit commercial",
        "as_of": "Données au {date} · cible {target}",
        "boards": {"company": "Entreprise", "team": "Équipe", "ae": "Account Executives", "sdr": "SDR"},
        "grain": "Granularité",
        "grains": {"month": "Mois", "quarter": "Trimestre fiscal", "year": "Exercice"},
        "period": "Période", "team": "Équipe", "rep": "Commercial",
        "all_teams": "Toutes les équipes", "all_reps": "Tous les commerciaux",
        "in_progress": "en cours",
        "quarter_label": "T{quarter} {year}", "year_label": "{year}",
        "fiscal_quarter_label": "T{quarter} exercice {year}", "fiscal_year_label": "Exercice {year}",
        "months_short": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                         "sept.", "oct.", "nov.", "déc."],
        "no_target_short": "sans objectif",
        "immature": "en maturation",
        "not_for_scope": "non mesuré par {scope}",
        "no_row": "pas de donnée pour ce périmètre",
        "trend": "{count} dernières périodes",
        "left": "parti",
        "language": "Language: EN",
        "funnel_title": "Entonnoir du pipeline — où les affaires calent",
        "funnel_reached": "atteinte",
        "funnel_stall": "ça bloque ici",
        "funnel_won": "gagnées",
        "funnel_empty": "Aucune opportunité créée sur la période.",
        "bridge_title": "Pont du MRR",
        "bridge_trend_title": "Mouvements du MRR, {count} dernières périodes",
        "bridge": {"start_mrr": "Début", "new_mrr": "Nouveau", "reactivation_mrr": "Réactivation",
                   "expansion_mrr": "Expansion", "contraction_mrr": "Contraction",
                   "churned_mrr": "Attrition", "end_mrr": "Fin"},
        "company_wide_note": "Toute l'entreprise : ce mart n'a ni équipe ni commercial.",
        "cohort_note": "Cohorte des opportunités créées sur la période ; elle {status}.",
        "cohort_mature": "est mûre",
        "cohort_immature": "sera mûre le {date} : les dernières étapes se remplissent encore",
        "table_teams": "Équipes comparées",
        "table_reps": "Commerciaux — {scope}",
        "table_people": "{role} — {scope}",
        "name": "Nom",
        "stages": {"prospecting": "Prospection", "qualification": "Qualification",
                   "discovery": "Découverte", "proposal": "Proposition",
                   "negotiation": "Négociation", "won": "Gagnée"},
        "alerts_count": "{count} alertes",
        "alert_one": "1 alerte",
    },
}


def number(value, decimals, text):
    """A number with the language's separators: 12,345.6 or 12 345,6."""
    formatted = f"{value:,.{decimals}f}"
    return formatted.replace(",", "\0").replace(".", text["decimal"]).replace("\0", text["thousands"])


def with_unit(value, unit, text, currency):
    """A value in its unit, as a reader expects it: 40.0 %, 351,451 €, 75.2 d, 6.66×."""
    if value is None:
        return "—"
    spec = UNIT_FORMATS.get(unit, UNIT_FORMATS["score"])
    return spec["pattern"].format(
        n=number(value, spec["decimals"], text),
        currency=CURRENCY_SYMBOLS.get(currency, currency),
        days=text["days"],
    )


def month_label(year, month, text):
    """December 2025, décembre 2025."""
    return f"{text['months'][month - 1]} {year}"


def period_label(grain, period_start, fiscal_year, fiscal_quarter, text, fiscal_year_start_month=1):
    """December 2025, Q4 2025, 2025 (FY2025 and Q1 FY2025 for a fiscal year not starting in January)."""
    if grain == "month":
        year, month = (int(part) for part in str(period_start)[:7].split("-"))
        return month_label(year, month, text)
    fiscal = "fiscal_" if int(fiscal_year_start_month) != 1 else ""
    if grain == "quarter":
        return text[f"{fiscal}quarter_label"].format(quarter=int(fiscal_quarter), year=int(fiscal_year))
    return text[f"{fiscal}year_label"].format(year=int(fiscal_year))


def date_label(iso_date, text):
    """March 4, 2026 or 4 mars 2026."""
    year, month, day = (int(part) for part in str(iso_date)[:10].split("-"))
    return text["date"].format(year=year, month=text["months"][month - 1], day=day)
