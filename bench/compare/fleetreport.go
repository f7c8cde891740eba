package main

import "time"

// writeFleet is the fleet section of the report.
func (r report) writeFleet(w func(string, ...any)) {
	if len(r.Fleet) == 0 {
		return
	}
	w("## Fleet: many plans at once (issue 27)\n\n")
	w("N `terraform plan` processes started at once, one workspace each, with the same vendor keys, against the sandbox enforcing ")
	w(fleetAbout, r.Options.latency)
	w("Configurations: [`bench/configs/fleet/`](../bench/configs/fleet/).\n\n")
	w("| Plans at once | Mode | Failed plans | Vendor requests | 429s | Wall time, first start to last exit |\n|---|---|---|---|---|---|\n")
	for _, f := range r.Fleet {
		w("| %d | %s | %d | %d | %d | %s |\n", f.Plans, f.Mode, f.Failed, f.Requests, f.TooMany, fmtSeconds(f.Wall.Round(10*time.Millisecond)))
	}
	w("\n")
	for _, f := range r.Fleet {
		if f.FirstError != "" {
			w("- %d plans, %s: first failure `%s`\n", f.Plans, f.Mode, f.FirstError)
		}
	}
	w("\n")
}
