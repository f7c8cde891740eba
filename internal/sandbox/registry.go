package sandbox

import (
	"flag"
	"fmt"
	"net/http"
	"slices"
)

// Emulator is one emulated vendor, declared by its own package under
// internal/vendors and registered by the emulators' list
// (internal/vendors/sandboxes), so the shared server knows no vendor.
type Emulator struct {
	Name  string // path prefix, and the name Requests, Responses and InjectFaults take
	Title string // the vendor's name as people write it, for help texts
	Key   string // the one API key the emulator accepts
	// RateLimited says the emulator enforces the vendor's documented
	// limits when Options.EnforceRateLimits is set.
	RateLimited bool
	// Build makes the emulator's handler for one Server; opts.Vendor[Name]
	// holds its own options, if any.
	Build func(s *Server, opts Options) *Vendor
	// Flags, if set, declares the emulator's own command-line flags on fs
	// and returns what to put in Options.Vendor[Name] once fs is parsed.
	Flags func(fs *flag.FlagSet) func() any
}

// Vendor is an emulator's handler, bound to a path prefix by its name, with
// the vendor's own way of reporting errors, which faults reuse so clients
// see realistic bodies.
type Vendor struct {
	// Serve answers a request; path is what follows the vendor's prefix.
	Serve func(w http.ResponseWriter, r *http.Request, path string)
	// ErrorBody returns the vendor's JSON body for an HTTP error status.
	ErrorBody func(r *http.Request, status int) any
	// FaultHeaders, if set, adds headers the vendor sends on every
	// response, so faulted responses look real too.
	FaultHeaders func(h http.Header, r *http.Request, status int)
	// Huge describes a syntactically valid body shape for FaultHugeBody and
	// FaultMalformedJSON.
	Huge HugeShape
	// ContentType of the vendor's JSON responses, when not plain application/json.
	ContentType string
	// TooManyRequests, if set, is the vendor's own 429 for FaultRate, when
	// it does not say when to retry with Retry-After.
	TooManyRequests *Fault
	// Reset, if set, forgets the emulator's per-caller state (rate limits).
	Reset func()
	// Data is what the emulator serves, for its package's accessors (Data).
	Data any
}

// VendorOptions are options only one emulator understands, by its name;
// each emulator package offers typed constructors for its own.
type VendorOptions map[string]any

var emulators []Emulator

// Register adds emulators in documentation order; the emulators' list
// calls it once with every vendor.
func Register(es ...Emulator) {
	for _, e := range es {
		if slices.ContainsFunc(emulators, func(o Emulator) bool { return o.Name == e.Name }) {
			panic("sandbox: emulator " + e.Name + " registered twice")
		}
		emulators = append(emulators, e)
	}
}

// Emulators lists the registered emulators in documentation order.
func Emulators() []Emulator { return slices.Clone(emulators) }

// VendorNames lists every emulated vendor in a stable order.
func VendorNames() []string {
	names := make([]string, len(emulators))
	for i, e := range emulators {
		names[i] = e.Name
	}
	return names
}

// Key returns the API key the sandbox accepts for a vendor; anything else
// is rejected as the vendor would.
func Key(vendor string) string {
	for _, e := range emulators {
		if e.Name == vendor {
			return e.Key
		}
	}
	panic("sandbox: unknown vendor " + vendor)
}

// Data is what a vendor's emulator serves on s, as its Build returned it
// in Vendor.Data; the emulator's package reads its fixtures back with it.
func Data[T any](s *Server, vendor string) T {
	for _, v := range s.vendors {
		if v.name == vendor {
			d, ok := v.Data.(T)
			if !ok {
				panic(fmt.Sprintf("sandbox: %s data is a %T", vendor, v.Data))
			}
			return d
		}
	}
	panic("sandbox: unknown vendor " + vendor)
}

// OptionsOf is an emulator's own options in opts.Vendor (its zero value if
// none). Options of another type are a bug in the caller, not a default.
func OptionsOf[T any](opts Options, vendor string) T {
	raw, ok := opts.Vendor[vendor]
	if !ok || raw == nil {
		var zero T
		return zero
	}
	o, ok := raw.(T)
	if !ok {
		panic(fmt.Sprintf("sandbox: %s options are a %T, not a %T", vendor, raw, o))
	}
	return o
}

// VendorFlags declares every emulator's own flags on fs; once fs is parsed,
// the returned function gives what they set, for Options.Vendor.
func VendorFlags(fs *flag.FlagSet) func() VendorOptions {
	values := map[string]func() any{}
	for _, e := range emulators {
		if e.Flags != nil {
			values[e.Name] = e.Flags(fs)
		}
	}
	return func() VendorOptions {
		opts := VendorOptions{}
		for name, value := range values {
			opts[name] = value()
		}
		return opts
	}
}
