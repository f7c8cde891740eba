// Package onepinsandbox emulates OnePin's API in the sandbox (its handler, fixtures
// and options) and declares its dialect for the hostile server. No
// provider package imports it, so the provider binary carries no emulator.
package onepinsandbox

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

const onepinPlansPath = "/api/v1/billing/plans"

var onepinWorkspaceID = regexp.MustCompile(`^ws_[A-Za-z0-9_-]+$`)

// Key is the OnePin API key the sandbox accepts.
const Key = "sandbox-onepin-key"

// Name is OnePin's name in Requests, Responses, InjectFaults and LastHeader.
const Name = "onepin"

// Emulator is OnePin's entry in the emulators' list.
var Emulator = sandbox.Emulator{Name: Name, Title: "OnePin", Key: Key, Build: build}

type server struct {
	host      *sandbox.Server
	data      *onepinData
	onepinSeq atomic.Uint64 // feeds meta.request_id
}

func (s *server) onepinFixtures() *onepinData { return s.data }

func (s *server) now() time.Time { return s.host.Now() }

func build(host *sandbox.Server, _ sandbox.Options) *sandbox.Vendor {
	s := &server{host: host, data: newOnepinData()}
	return &sandbox.Vendor{
		Serve:     s.serveOnepin,
		ErrorBody: s.onepinError,
		Huge: sandbox.HugeShape{
			Prefix: `{"data":[`,
			Item:   s.data.json[0],
			Suffix: `],"meta":{"request_id":"00000000-0000-4000-8000-000000000000","timestamp":"2024-01-15T09:30:00Z"},"pagination":{"limit":100,"next":null,"prev":null}}`,
		},
		Data: s,
	}
}

type onepinMeta struct {
	RequestID string `json:"request_id"`
	Timestamp string `json:"timestamp"`
}

type onepinDetail struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

type onepinErrorBody struct {
	Error struct {
		Code    string         `json:"code"`
		Message string         `json:"message"`
		Details []onepinDetail `json:"details"`
	} `json:"error"`
	Meta onepinMeta `json:"meta"`
}

// onepinMeta gives every response a fresh request id, as the vendor's does; ids
// come from a counter so runs are reproducible.
func (s *server) onepinMeta() onepinMeta {
	n := s.onepinSeq.Add(1)
	x, y := sandbox.Mix64(n), sandbox.Mix64(n^0x5eed)
	return onepinMeta{
		RequestID: fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(x>>32), uint16(x>>16), uint16(x)&0xfff, 0x8000|uint16(y>>48)&0x3fff, y&0xffffffffffff),
		Timestamp: s.now().UTC().Format(time.RFC3339),
	}
}

func (s *server) onepinErrorWith(code, msg string, details ...onepinDetail) onepinErrorBody {
	var b onepinErrorBody
	b.Error.Code, b.Error.Message, b.Error.Details = code, msg, append([]onepinDetail{}, details...)
	b.Meta = s.onepinMeta()
	return b
}

func (s *server) onepinError(_ *http.Request, status int) any {
	code, msg := "http_error", http.StatusText(status)
	switch status {
	case http.StatusUnauthorized:
		code, msg = "unauthorized", "Invalid or expired token"
	case http.StatusNotFound:
		code, msg = "not_found", "Not found"
	case http.StatusMethodNotAllowed:
		code, msg = "method_not_allowed", "Method not allowed"
	case http.StatusTooManyRequests:
		code, msg = "rate_limited", "Too many requests"
	case http.StatusInternalServerError:
		code, msg = "internal_error", "Internal server error"
	case http.StatusBadGateway:
		code, msg = "bad_gateway", "Bad gateway"
	case http.StatusServiceUnavailable:
		code, msg = "service_unavailable", "Service temporarily unavailable"
	}
	return s.onepinErrorWith(code, msg)
}

func (s *server) serveOnepin(w http.ResponseWriter, r *http.Request, path string) {
	if path != onepinPlansPath {
		sandbox.WriteJSON(w, http.StatusNotFound, map[string]string{"detail": "Not Found"}) // FastAPI's unknown-route body
		return
	}
	// The plan list is public: no credentials is fine, wrong ones are not.
	if r.Header.Get("Authorization") != "" {
		if tok, ok := sandbox.AuthToken(r, "Bearer"); !ok || tok != Key {
			w.Header().Set("WWW-Authenticate", "Bearer")
			sandbox.WriteJSON(w, http.StatusUnauthorized, s.onepinError(r, http.StatusUnauthorized))
			return
		}
	}
	if ws, sent := r.Header["X-Workspace-Id"]; sent && !onepinWorkspaceID.MatchString(ws[0]) {
		sandbox.WriteJSON(w, http.StatusUnprocessableEntity, map[string]any{"detail": []any{map[string]any{
			"loc": []string{"header", "x-workspace-id"}, "msg": "invalid workspace id", "type": "value_error",
		}}})
		return
	}

	q := r.URL.Query()
	var details []onepinDetail
	bounded := func(field string, def, lo, hi int) int {
		raw := q.Get(field)
		if raw == "" {
			return def
		}
		n, err := strconv.Atoi(raw)
		switch {
		case err != nil:
			details = append(details, onepinDetail{field, "Input should be a valid integer"})
		case n < lo:
			details = append(details, onepinDetail{field, "Input should be greater than or equal to " + strconv.Itoa(lo)})
		case hi > 0 && n > hi:
			details = append(details, onepinDetail{field, "Input should be less than or equal to " + strconv.Itoa(hi)})
		default:
			return n
		}
		return def
	}
	page := bounded("page", 1, 1, 0)
	limit := bounded("limit", 10, 1, 100)
	if len(details) > 0 {
		sandbox.WriteJSON(w, http.StatusUnprocessableEntity, s.onepinErrorWith("validation_error", "Invalid query parameters", details...))
		return
	}

	total := len(s.onepinFixtures().plans)
	start := min((page-1)*limit, total)
	end := min(start+limit, total)
	link := func(p int) string {
		return sandbox.BaseURL(r) + r.URL.Path + "?page=" + strconv.Itoa(p) + "&limit=" + strconv.Itoa(limit)
	}
	meta := s.onepinMeta()

	var b bytes.Buffer
	b.WriteString(`{"data":[`)
	served, ok := s.onepinFixtures().byLang[r.Header.Get("Accept-Language")]
	if !ok {
		served = s.onepinFixtures().json
	}
	for i, raw := range served[start:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(raw)
	}
	b.WriteString(`],"meta":{"request_id":`)
	sandbox.WriteJSONString(&b, meta.RequestID)
	b.WriteString(`,"timestamp":`)
	sandbox.WriteJSONString(&b, meta.Timestamp)
	b.WriteString(`},"pagination":{"limit":`)
	b.WriteString(strconv.Itoa(limit))
	b.WriteString(`,"next":`)
	if end < total {
		sandbox.WriteJSONString(&b, link(page+1))
	} else {
		b.WriteString("null")
	}
	b.WriteString(`,"prev":`)
	if page > 1 {
		sandbox.WriteJSONString(&b, link(page-1))
	} else {
		b.WriteString("null")
	}
	b.WriteString(`}}`)
	sandbox.WriteRawJSON(w, http.StatusOK, b.Bytes(), "application/json")
}
