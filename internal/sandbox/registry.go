package sandbox

import (
	"cmp"
	"fmt"
	"slices"
)

// vendorDef is one emulated vendor's registry entry; each vendor's file
// registers its own, so a new vendor touches no shared file.
type vendorDef struct {
	name    string // path prefix, and the name Requests, Responses and InjectFaults take
	key     string // the one API key the sandbox accepts
	order   int    // place in VendorNames: the documentation order
	newData func(opts Options) any
	build   func(s *Server) *vendor
}

var vendorDefs []vendorDef

func registerVendor(d vendorDef) {
	vendorDefs = append(vendorDefs, d)
	slices.SortFunc(vendorDefs, func(a, b vendorDef) int { return cmp.Compare(a.order, b.order) })
}

// VendorNames lists every emulated vendor in a stable order.
func VendorNames() []string {
	names := make([]string, len(vendorDefs))
	for i, d := range vendorDefs {
		names[i] = d.name
	}
	return names
}

// Key returns the API key the sandbox accepts for a vendor; anything else
// is rejected as the vendor would.
func Key(vendor string) string {
	for _, d := range vendorDefs {
		if d.name == vendor {
			return d.key
		}
	}
	panic("sandbox: unknown vendor " + vendor)
}

// fixturesOf is a vendor's fixtures, as its vendorDef's newData built them.
func fixturesOf[T any](s *Server, vendor string) T {
	f, ok := s.fixtures[vendor].(T)
	if !ok {
		panic(fmt.Sprintf("sandbox: %s fixtures are a %T", vendor, s.fixtures[vendor]))
	}
	return f
}
