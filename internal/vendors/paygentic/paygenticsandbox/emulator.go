// Package paygenticsandbox emulates Paygentic's API in the sandbox (its handler, fixtures
// and options) and declares its dialect for the hostile server. No
// provider package imports it, so the provider binary carries no emulator.
package paygenticsandbox

import (
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// Key is the Paygentic API key the sandbox accepts.
const Key = "sandbox-paygentic-key"

// Name is Paygentic's name in Requests, Responses, InjectFaults and LastHeader.
const Name = "paygentic"

// Emulator is Paygentic's entry in the emulators' list.
var Emulator = sandbox.Emulator{Name: Name, Title: "Paygentic", Key: Key, Build: build, Flags: flags}

// Options are Paygentic's own emulator options, in sandbox.Options.Vendor.
type Options struct {
	Plans int // number of generated plans; 0 means the default fixture (DefaultPlans)
}

// WithPlans generates n plans instead of the default fixture.
func WithPlans(n int) sandbox.VendorOptions { return sandbox.VendorOptions{Name: Options{Plans: n}} }

func flags(fs *flag.FlagSet) func() any {
	var o Options
	fs.IntVar(&o.Plans, "paygentic-plans", 0, fmt.Sprintf("number of Paygentic plans (0 = default %d)", DefaultPlans))
	return func() any { return o }
}

type server struct {
	data *paygenticData
}

func (s *server) paygenticFixtures() *paygenticData { return s.data }

func build(_ *sandbox.Server, opts sandbox.Options) *sandbox.Vendor {
	o := sandbox.OptionsOf[Options](opts, Name)
	s := &server{data: newPaygenticData(o.Plans)}
	return &sandbox.Vendor{
		Serve:     s.servePaygentic,
		ErrorBody: paygenticError,
		Huge: sandbox.HugeShape{
			Prefix: `{"data":[`,
			Item:   s.data.json[0],
			Suffix: `],"pagination":{"limit":100,"offset":0,"total":1000000}}`,
		},
		Data: s,
	}
}

type paygenticErrorBody struct {
	Error   string `json:"error"`
	Message string `json:"message"`
	Code    string `json:"code"`
	Details any    `json:"details"`
}

type paygenticFieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Code    string `json:"code"`
}

type paygenticValidationBody struct {
	Error   string                `json:"error"`
	Message string                `json:"message"`
	Errors  []paygenticFieldError `json:"errors"`
}

func paygenticError(_ *http.Request, status int) any {
	code, msg := "http_error", http.StatusText(status)
	switch status {
	case http.StatusUnauthorized:
		code, msg = "unauthorized", "Invalid API key"
	case http.StatusNotFound:
		code, msg = "not_found", "Resource not found"
	case http.StatusMethodNotAllowed:
		code, msg = "method_not_allowed", "Method not allowed"
	case http.StatusTooManyRequests:
		code, msg = "rate_limit_exceeded", "Too many requests, please retry later"
	case http.StatusInternalServerError:
		code, msg = "internal_error", "Internal server error"
	case http.StatusBadGateway:
		code, msg = "bad_gateway", "Bad gateway"
	case http.StatusServiceUnavailable:
		code, msg = "service_unavailable", "Service temporarily unavailable"
	case http.StatusGatewayTimeout:
		code, msg = "gateway_timeout", "Gateway timeout"
	}
	return paygenticErrorBody{Error: code, Message: msg, Code: code}
}

func (s *server) servePaygentic(w http.ResponseWriter, r *http.Request, path string) {
	id, isItem := strings.CutPrefix(path, "/v0/plans/")
	if path != "/v0/plans" && !isItem {
		sandbox.WriteJSON(w, http.StatusNotFound, paygenticError(r, http.StatusNotFound))
		return
	}
	if tok, ok := sandbox.AuthToken(r, "Bearer"); !ok || tok != Key {
		sandbox.WriteJSON(w, http.StatusUnauthorized, paygenticError(r, http.StatusUnauthorized))
		return
	}
	if isItem {
		s.servePaygenticPlan(w, id)
		return
	}

	q := r.URL.Query()
	var errs []paygenticFieldError
	limit := intParam(q.Get("limit"), q.Has("limit"), 10, "limit", 1, 100, &errs)
	offset := intParam(q.Get("offset"), q.Has("offset"), 0, "offset", 0, -1, &errs)
	merchantID := prefixedParam(q.Get("merchantId"), q.Has("merchantId"), "merchantId", "org_", &errs)
	productID := prefixedParam(q.Get("productId"), q.Has("productId"), "productId", "prod_", &errs)
	if len(errs) > 0 {
		sandbox.WriteJSON(w, http.StatusBadRequest, paygenticValidationBody{
			Error: "validation_error", Message: "Invalid query parameters", Errors: errs,
		})
		return
	}

	rows := s.paygenticFixtures().index[paygenticFilterKey(merchantID, productID)]
	start := min(offset, len(rows))
	end := min(start+limit, len(rows))
	var b bytes.Buffer
	b.Grow(64 + (end-start)*1024)
	b.WriteString(`{"data":[`)
	for i, idx := range rows[start:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(s.paygenticFixtures().json[idx])
	}
	b.WriteString(`],"pagination":{"limit":`)
	b.WriteString(strconv.Itoa(limit))
	b.WriteString(`,"offset":`)
	b.WriteString(strconv.Itoa(offset))
	b.WriteString(`,"total":`)
	b.WriteString(strconv.Itoa(len(rows)))
	b.WriteString(`}}`)
	sandbox.WriteRawJSON(w, http.StatusOK, b.Bytes(), "application/json")
}

func (s *server) servePaygenticPlan(w http.ResponseWriter, id string) {
	if !strings.HasPrefix(id, "plan_") {
		sandbox.WriteJSON(w, http.StatusBadRequest, paygenticValidationBody{
			Error: "validation_error", Message: "Invalid path parameters",
			Errors: []paygenticFieldError{{Field: "id", Message: "must match pattern ^plan_", Code: "invalid_string"}},
		})
		return
	}
	i, ok := s.paygenticFixtures().byID[id]
	if !ok {
		sandbox.WriteJSON(w, http.StatusNotFound, paygenticErrorBody{Error: "not_found", Message: "Plan not found: " + id, Code: "not_found"})
		return
	}
	sandbox.WriteRawJSON(w, http.StatusOK, s.paygenticFixtures().one[i], "application/json")
}

// intParam validates an integer query parameter the way the vendor's zod
// schema reports it; hi < 0 means unbounded above.
func intParam(raw string, present bool, def int, field string, lo, hi int, errs *[]paygenticFieldError) int {
	if !present {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		*errs = append(*errs, paygenticFieldError{Field: field, Message: "Expected number, received string", Code: "invalid_type"})
		return def
	}
	rangeMsg := "must be greater than or equal to " + strconv.Itoa(lo)
	if hi >= 0 {
		rangeMsg = "must be between " + strconv.Itoa(lo) + " and " + strconv.Itoa(hi)
	}
	switch {
	case n < lo:
		*errs = append(*errs, paygenticFieldError{Field: field, Message: rangeMsg, Code: "too_small"})
		return def
	case hi >= 0 && n > hi:
		*errs = append(*errs, paygenticFieldError{Field: field, Message: rangeMsg, Code: "too_big"})
		return def
	}
	return n
}

func prefixedParam(raw string, present bool, field, prefix string, errs *[]paygenticFieldError) string {
	if !present {
		return ""
	}
	if !strings.HasPrefix(raw, prefix) || len(raw) == len(prefix) {
		*errs = append(*errs, paygenticFieldError{Field: field, Message: "must match pattern ^" + prefix, Code: "invalid_string"})
		return ""
	}
	return raw
}
