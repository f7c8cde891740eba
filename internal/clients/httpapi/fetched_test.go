package httpapi

import (
	"fmt"
	"testing"
	"time"
)

func TestJoinedReadsAreAsFreshAsTheOldestAndWarnOncePerWarning(t *testing.T) {
	t.Parallel()
	older, newer := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	stale := Warning{Summary: "Cached copy served", Detail: "plans"}
	other := Warning{Summary: "Cache entry not usable", Detail: "checksum"}
	tests := []struct {
		name        string
		first, then Fetched
		want        string
	}{
		{"the older of two reads", Fetched{At: newer}, Fetched{At: older}, "2026-01-01 []"},
		{"the older, read first", Fetched{At: older}, Fetched{At: newer}, "2026-01-01 []"},
		{"a read and nothing", Fetched{}, Fetched{At: newer}, "2026-06-01 []"},
		{"nothing and a read", Fetched{At: newer}, Fetched{}, "2026-06-01 []"},
		{"one listing read twice warns once", Fetched{At: older, Warnings: []Warning{stale}}, Fetched{At: older, Warnings: []Warning{stale}}, "2026-01-01 [Cached copy served]"},
		{"two warnings in the order first seen", Fetched{At: older, Warnings: []Warning{stale}}, Fetched{At: newer, Warnings: []Warning{other, stale}}, "2026-01-01 [Cached copy served Cache entry not usable]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.first.Join(tt.then)
			var summaries []string
			for _, w := range got.Warnings {
				summaries = append(summaries, w.Summary)
			}
			if s := fmt.Sprintf("%s %v", got.At.Format(time.DateOnly), summaries); s != tt.want {
				t.Errorf("Join = %s, want %s", s, tt.want)
			}
		})
	}
	first := Fetched{Warnings: []Warning{stale}}
	_ = first.Join(Fetched{Warnings: []Warning{other}})
	if len(first.Warnings) != 1 {
		t.Error("Join changed the read it was called on")
	}
}
