"""Deterministic demo CRM export for sales_kpis: writes seeds/crm/<table>.csv.

    python scripts/generate_demo_data.py [--seed 42] [--scale 1.0] [--out seeds/crm] [--format csv|parquet|hubspot|salesforce]

The story it tells (Brightlane's CRM, 2024-2025), its formats and its deliberate defects
are described in scripts/demo_crm/__init__.py; the writers (one per output shape) are in
scripts/demo_crm/writers/. The same --seed and --scale give byte-identical files.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from demo_crm import tell  # noqa: E402
from demo_crm.defects import EXPECTED_DEFAULT_DEFECTS  # noqa: E402
from demo_crm.writers import WRITERS, writer_for  # noqa: E402


def main(argv=None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(os.path.dirname(here), "seeds", "crm")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="volume multiplier for leads, accounts, activities, NPS (default 1.0)")
    ap.add_argument("--out", default=default_out, help="output directory (default seeds/crm)")
    ap.add_argument("--format", default="csv", choices=list(WRITERS),
                    help="output shape: the raw contract as CSV (default) or Parquet, or hubspot / salesforce: the "
                         "story as the Fivetran HubSpot or Salesforce connector lands it (scripts/demo_crm/writers/)")
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    args = ap.parse_args(argv)
    if args.scale <= 0:
        ap.error("--scale must be > 0")
    t0 = time.time()
    story = tell(args.seed, args.scale)
    if args.seed == 42 and args.scale == 1.0 and story.defects != EXPECTED_DEFAULT_DEFECTS:
        print("generate_demo_data: the defect ids changed; update EXPECTED_DEFAULT_DEFECTS (demo_crm/defects.py) "
              "and the story's docstring (demo_crm/__init__.py):\n"
              + "\n".join(f"  {k}: {v}" for k, v in story.defects.items()), file=sys.stderr)
        return 1
    written = writer_for(args.format).write(story, args.out)
    if not args.quiet:
        print(f"wrote {len(written)} {args.format} files to {args.out} in {time.time() - t0:.1f}s")
        for f in written:
            print(f"  {f.table:28s} {f.rows:7d} rows")
        print("deliberate defects:")
        for k, v in story.defects.items():
            print(f"  {k:26s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
