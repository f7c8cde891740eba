package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

func (r report) find(id string) *scenarioResult {
	for i := range r.Scenarios {
		if r.Scenarios[i].ID == id {
			return &r.Scenarios[i]
		}
	}
	return nil
}

// headline is the scenario the report's memory and parallelism targets
// are about; nil when it did not run.
func (r report) headline() *scenarioResult {
	for i := range r.Scenarios {
		if r.Scenarios[i].Headline {
			return &r.Scenarios[i]
		}
	}
	return nil
}

// baseline is the faster (by median wall time) of the scenario's
// `data "http"` sides: the stronger baseline.
func (sc scenarioResult) baseline() *sideResult {
	var best *sideResult
	for i := range sc.Sides {
		s := &sc.Sides[i]
		if s.Baseline && (best == nil || s.medianWall() < best.medianWall()) {
			best = s
		}
	}
	return best
}

// providerSide is the provider with its default settings: the first side.
func (sc scenarioResult) providerSide() *sideResult { return &sc.Sides[0] }

func (sc scenarioResult) side(name string) *sideResult {
	for i := range sc.Sides {
		if sc.Sides[i].Name == name {
			return &sc.Sides[i]
		}
	}
	return nil
}

func (sc scenarioResult) sandboxText() string {
	parts := []string{fmt.Sprintf("%s latency", sc.Latency)}
	if len(sc.SandboxFlags) > 0 {
		parts = append(parts, "`"+strings.Join(sc.SandboxFlags, " ")+"`")
	}
	if sc.EnforceRateLimits {
		parts = append(parts, "`-enforce-rate-limits`")
	}
	return strings.Join(parts, ", ")
}

func (s sideResult) walls() []time.Duration {
	out := make([]time.Duration, len(s.Runs))
	for i, r := range s.Runs {
		out[i] = r.Wall
	}
	return out
}

func (s sideResult) medianWall() time.Duration { return median(s.walls()) }
func (s sideResult) minWall() time.Duration    { return slices.Min(s.walls()) }
func (s sideResult) maxWall() time.Duration    { return slices.Max(s.walls()) }

func (s sideResult) medianSpan() time.Duration {
	out := make([]time.Duration, len(s.Runs))
	for i, r := range s.Runs {
		out[i] = r.Span
	}
	return median(out)
}

func (s sideResult) requestsText() string {
	lo, hi := s.Runs[0].totalRequests(), s.Runs[0].totalRequests()
	for _, r := range s.Runs {
		lo, hi = min(lo, r.totalRequests()), max(hi, r.totalRequests())
	}
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

func (s sideResult) tooMany() int {
	n := 0
	for _, r := range s.Runs {
		n += r.TooMany
	}
	return n
}

func (s sideResult) peakRSS(binary string) int64 {
	var peak int64
	for _, r := range s.Runs {
		peak = max(peak, r.PeakRSS[binary])
	}
	return peak
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func seconds(d time.Duration) float64 { return d.Seconds() }

func fmtSeconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func fmtKiB(kib int64) string {
	if kib == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MiB", float64(kib)/1024)
}

func fmtNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func fmtBytes(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.2f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

func orDash(v float64, format string) string {
	if v == 0 {
		return "—"
	}
	return fmt.Sprintf(format, v)
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}
