// Package identifaisandbox emulates identifAI's API in the sandbox (its handler, fixtures
// and options) and declares its dialect for the hostile server. No
// provider package imports it, so the provider binary carries no emulator.
package identifaisandbox

import (
	"bytes"
	"cmp"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

const identifaiPricingsPath = "/api/partner/pricings"

// identifaiOrders are the sort fields the vendor accepts in `order`.
var identifaiOrders = []string{"id", "name", "sku", "created_at"}

// Key is the identifAI API key the sandbox accepts.
const Key = "sandbox-identifai-key"

// Name is identifAI's name in Requests, Responses, InjectFaults and LastHeader.
const Name = "identifai"

// Emulator is identifAI's entry in the emulators' list.
var Emulator = sandbox.Emulator{Name: Name, Title: "identifAI", Key: Key, RateLimited: true, Build: build}

type server struct {
	host   *sandbox.Server
	opts   sandbox.Options
	data   *identifaiData
	limits *rateLimits
}

func (s *server) identifaiFixtures() *identifaiData { return s.data }

func (s *server) now() time.Time { return s.host.Now() }

func build(host *sandbox.Server, opts sandbox.Options) *sandbox.Vendor {
	s := &server{host: host, opts: opts, data: newIdentifaiData(), limits: newRateLimits()}
	first, _ := json.Marshal(s.data.pricings[0]) // plain struct: cannot fail
	return &sandbox.Vendor{
		Serve:     s.serveIdentifai,
		ErrorBody: identifaiError,
		Huge: sandbox.HugeShape{
			Prefix: `{"current_page":1,"data":[`,
			Item:   first,
			Suffix: `],"from":1,"last_page":1,"next_page_url":null,"per_page":1000000,"to":1000000,"total":1000000}`,
		},
		Reset: s.limits.reset,
		Data:  s,
	}
}

// identifaiError mimics Laravel's JSON exception rendering.
func identifaiError(r *http.Request, status int) any {
	msg := http.StatusText(status)
	switch status {
	case http.StatusUnauthorized:
		msg = "Unauthenticated."
	case http.StatusTooManyRequests:
		msg = "Too Many Attempts."
	case http.StatusInternalServerError:
		msg = "Server Error"
	case http.StatusNotFound:
		msg = "The route " + strings.TrimPrefix(r.URL.Path, "/identifai/") + " could not be found."
	case http.StatusMethodNotAllowed:
		msg = "The " + r.Method + " method is not supported for route " + strings.TrimPrefix(r.URL.Path, "/identifai/") + ". Supported methods: GET, HEAD."
	}
	return map[string]string{"message": msg}
}

func (s *server) serveIdentifai(w http.ResponseWriter, r *http.Request, path string) {
	if path != identifaiPricingsPath {
		sandbox.WriteJSON(w, http.StatusNotFound, identifaiError(r, http.StatusNotFound))
		return
	}
	key := r.Header.Get("X-Api-Key")
	// Laravel's throttle middleware runs before auth, so even bad keys are limited.
	if s.opts.EnforceRateLimits {
		ok, retryAfter, remaining := s.limits.allowIdentifai(sandbox.LimitKey(r, key), s.now())
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(identifaiPerMinute))
		w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		if !ok {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(s.now().Unix()+int64(retryAfter), 10))
			sandbox.WriteJSON(w, http.StatusTooManyRequests, identifaiError(r, http.StatusTooManyRequests))
			return
		}
	}
	if key != Key {
		sandbox.WriteJSON(w, http.StatusUnauthorized, identifaiError(r, http.StatusUnauthorized))
		return
	}

	q := r.URL.Query()
	// Laravel turns empty query strings into null, so "order=" means the default.
	order := cmp.Or(q.Get("order"), "created_at")
	direction := cmp.Or(q.Get("direction"), "desc")
	perPageRaw := q.Get("per_page")

	var v laravelValidation
	if !slices.Contains(identifaiOrders, order) {
		v.add("order", "The selected order is invalid.")
	}
	if direction != "asc" && direction != "desc" {
		v.add("direction", "The selected direction is invalid.")
	}
	total := len(s.identifaiFixtures().pricings)
	perPage := total
	if perPageRaw != "" {
		n, err := strconv.Atoi(perPageRaw)
		switch {
		case err != nil:
			v.add("per_page", "The per page field must be an integer.")
		case n < 1 || n > 1000:
			v.add("per_page", "The per page field must be between 1 and 1000.")
		default:
			perPage = n
		}
	}
	if len(v.fields) > 0 {
		sandbox.WriteJSON(w, http.StatusUnprocessableEntity, v.body())
		return
	}

	// Laravel silently treats a missing or invalid page as page 1.
	page := 1
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n >= 1 {
		page = n
	}
	lastPage := max(1, (total+perPage-1)/perPage)
	rows := s.identifaiFixtures().sorted[order+":"+direction]
	start := min((page-1)*perPage, total)
	end := min(start+perPage, total)

	var b bytes.Buffer
	b.WriteString(`{"current_page":`)
	b.WriteString(strconv.Itoa(page))
	b.WriteString(`,"data":[`)
	for i, idx := range rows[start:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(s.identifaiFixtures().json[idx])
	}
	b.WriteString(`],"from":`)
	writeNullableInt(&b, start+1, start < end)
	b.WriteString(`,"last_page":`)
	b.WriteString(strconv.Itoa(lastPage))
	b.WriteString(`,"next_page_url":`)
	if page < lastPage {
		next := identifaiPageURL(r, q, page+1)
		sandbox.WriteJSONString(&b, next)
	} else {
		b.WriteString("null")
	}
	b.WriteString(`,"per_page":`)
	b.WriteString(strconv.Itoa(perPage))
	b.WriteString(`,"to":`)
	writeNullableInt(&b, end, start < end)
	b.WriteString(`,"total":`)
	b.WriteString(strconv.Itoa(total))
	b.WriteByte('}')
	sandbox.WriteRawJSON(w, http.StatusOK, b.Bytes(), "application/json")
}

// identifaiPageURL keeps the caller's sorting and page size, as Laravel's
// paginator does with appends(request()->query()), and puts page last.
func identifaiPageURL(r *http.Request, q url.Values, page int) string {
	var parts []string
	for _, name := range []string{"order", "direction", "per_page"} {
		if val := q.Get(name); val != "" {
			parts = append(parts, name+"="+url.QueryEscape(val))
		}
	}
	parts = append(parts, "page="+strconv.Itoa(page))
	return sandbox.BaseURL(r) + r.URL.Path + "?" + strings.Join(parts, "&")
}

// laravelValidation accumulates errors in rule order and renders Laravel's
// 422 body, whose message is the first error plus a count of the rest.
type laravelValidation struct {
	fields []string
	msgs   []string
}

func (v *laravelValidation) add(field, msg string) {
	v.fields = append(v.fields, field)
	v.msgs = append(v.msgs, msg)
}

func (v *laravelValidation) body() any {
	errs := map[string][]string{}
	for i, f := range v.fields {
		errs[f] = append(errs[f], v.msgs[i])
	}
	msg := v.msgs[0]
	switch extra := len(v.msgs) - 1; {
	case extra == 1:
		msg += " (and 1 more error)"
	case extra > 1:
		msg += " (and " + strconv.Itoa(extra) + " more errors)"
	}
	return struct {
		Message string              `json:"message"`
		Errors  map[string][]string `json:"errors"`
	}{msg, errs}
}

func writeNullableInt(b *bytes.Buffer, n int, valid bool) {
	if !valid {
		b.WriteString("null")
		return
	}
	b.WriteString(strconv.Itoa(n))
}

// Pricing is one identifAI pricing. CreatedAt is not serialized (the
// vendor does not expose it) but drives the default sort.
type Pricing struct {
	ID        int       `json:"id"`
	Name      string    `json:"name"`
	SKU       string    `json:"sku"`
	CreatedAt time.Time `json:"-"`
}

// Pricings returns a copy of the identifAI fixture in id order.
func Pricings(srv *sandbox.Server) []Pricing {
	s := sandbox.Data[*server](srv, Name)
	return append([]Pricing(nil), s.identifaiFixtures().pricings...)
}
