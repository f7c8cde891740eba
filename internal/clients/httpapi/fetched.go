package httpapi

import (
	"slices"
	"time"
)

// Warning is something the data sources reading a listing should show the
// user.
type Warning struct {
	Summary, Detail string
}

// Fetched is what a read learns besides its value: when its data was
// fetched from the vendor, which differs from the time of the run when a
// copy from the cache served it, and the warnings the listing carries. It
// is returned with the value, never carried in a context.
type Fetched struct {
	// At is when the data was fetched; zero when nothing was read.
	At time.Time
	// Warnings are to be shown to the user, each once.
	Warnings []Warning
}

// Join is what two reads learned together: the older time, for data is
// only as fresh as its oldest part, and the warnings of both, each once.
func (f Fetched) Join(other Fetched) Fetched {
	out := Fetched{At: f.At, Warnings: slices.Clone(f.Warnings)}
	if out.At.IsZero() || (!other.At.IsZero() && other.At.Before(out.At)) {
		out.At = other.At
	}
	for _, w := range other.Warnings {
		if !slices.Contains(out.Warnings, w) {
			out.Warnings = append(out.Warnings, w)
		}
	}
	return out
}
