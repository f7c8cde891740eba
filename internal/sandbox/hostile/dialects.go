package hostile

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Dialect is what the behaviours need to speak one vendor's API. Each
// vendor's emulator package declares its own and the emulators' list
// registers them (Register), so this server knows no vendor.
type Dialect struct {
	Name string // path prefix after the behaviour's, as in the provider's blocks and the sandbox
	// Path is the documented path of the read the tests make.
	Path string
	// Listing says the price list comes in pages; otherwise a request
	// reads the one item its path names (ItemIndex).
	Listing bool
	// NumberField is the JSON number field of an item that reaches the
	// provider's state as a number ("" if none).
	NumberField string
	// FreeFormField is where the body behaviours plant a free-form value:
	// the one the provider passes on as it is, or a field it ignores.
	// FreeFormArray says that field holds an array.
	FreeFormField string
	FreeFormArray bool
	// ListKey is the envelope's key of the list of items ("data" if empty).
	ListKey string
	// NumericIDs says item ids are numbers.
	NumericIDs bool
	Key        func(r *http.Request) string // the credential a request carries
	// Page and Size are the page number (from 1) and page size a request
	// asks for, in the vendor's own parameters.
	Page, Size func(q url.Values) int
	Item       func(i int) map[string]any // the i-th (from 0) valid item
	// ItemIndex, for a vendor without Listing, is the index of the item a
	// path names.
	ItemIndex func(rest string) int
	// Envelope wraps a page of items in the vendor's list body; base is the
	// base URL the client was configured with, rest the path after it.
	Envelope func(base, rest string, p Page) map[string]any
	// ErrorBody is the vendor's documented error body with text in every
	// string field and key naming a field.
	ErrorBody func(text, key string) any
	// HugeErrorBody, if set, is the error body at its largest in the
	// vendor's own shape: text, and the field errors as a map and a list.
	HugeErrorBody func(text string, fields map[string]any, list []map[string]any) any
	// SetNext, if set, replaces the next link of a page's body.
	SetNext func(body map[string]any, next string)
	// LyingTotal, if set, is the page whose totals lie, built with listing.
	LyingTotal func(listing func(total int) Page) Page
	// EndlessTotal, if set, is how many items an endless listing claims,
	// given the page size and number asked for.
	EndlessTotal func(size, page int) int
	// Lure, if set, is a path of this vendor's API where the other-api
	// behaviours lead other vendors' clients; it answers foreign plans.
	Lure string
}

// Page is one page of a listing as the server claims it to be.
type Page struct {
	Number, Pages, Size int
	Total               int64
	Items               []any
}

var dialects []*Dialect

// Register adds dialects in documentation order; the emulators' list calls
// it once with every vendor.
func Register(ds ...Dialect) {
	for _, d := range ds {
		if dialectOf(d.Name) != nil {
			panic("hostile: dialect " + d.Name + " registered twice")
		}
		dialects = append(dialects, &d)
	}
}

func dialectOf(name string) *Dialect {
	i := slices.IndexFunc(dialects, func(d *Dialect) bool { return d.Name == name })
	if i < 0 {
		return nil
	}
	return dialects[i]
}

// Dialects names the vendors the server speaks, sorted; the provider's
// conformance test holds it to the registry.
func Dialects() []string {
	return slices.Sorted(slices.Values(Vendors()))
}

// Vendors lists every vendor the server speaks, in documentation order.
func Vendors() []string {
	names := make([]string, len(dialects))
	for i, d := range dialects {
		names[i] = d.Name
	}
	return names
}

// Listing are the vendors whose price list comes in pages.
func Listing() []string {
	var names []string
	for _, d := range dialects {
		if d.Listing {
			names = append(names, d.Name)
		}
	}
	return names
}

// NumberField is a vendor's Dialect.NumberField.
func NumberField(vendor string) string { return must(vendor).NumberField }

// Path is a vendor's Dialect.Path.
func Path(vendor string) string { return must(vendor).Path }

func must(vendor string) *Dialect {
	d := dialectOf(vendor)
	if d == nil {
		panic("hostile: no dialect " + vendor)
	}
	return d
}

// BearerKey is the credential of an "Authorization: Bearer" request.
func BearerKey(r *http.Request) string { return AfterScheme(r, "Bearer") }

// AfterScheme is the credential after an Authorization scheme word, or the
// whole header when it has another scheme.
func AfterScheme(r *http.Request, scheme string) string {
	word, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(word, scheme) {
		return r.Header.Get("Authorization")
	}
	return strings.TrimSpace(tok)
}

// IntParam is a positive integer query parameter, or def.
func IntParam(q url.Values, name string, def int) int {
	if n, err := strconv.Atoi(q.Get(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// PageParam is the "page" query parameter, from 1.
func PageParam(q url.Values) int { return IntParam(q, "page", 1) }
