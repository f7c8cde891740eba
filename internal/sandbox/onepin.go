package sandbox

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

const onepinPlansPath = "/api/v1/billing/plans"

var onepinWorkspaceID = regexp.MustCompile(`^ws_[A-Za-z0-9_-]+$`)

// OnepinKey is the Onepin API key the sandbox accepts.
const OnepinKey = "sandbox-onepin-key"

// VendorOnepin is Onepin's name in Requests, Responses, InjectFaults and LastHeader.
const VendorOnepin = "onepin"

func init() {
	registerVendor(vendorDef{
		name: VendorOnepin, key: OnepinKey, order: 4,
		newData: func(o Options) any { return newOnepinData() },
		build:   (*Server).onepinVendor,
	})
}

func (s *Server) onepinFixtures() *onepinData { return fixturesOf[*onepinData](s, VendorOnepin) }

func (s *Server) onepinVendor() *vendor {
	return &vendor{
		name:      VendorOnepin,
		prefix:    "/onepin",
		serve:     s.serveOnepin,
		errorBody: s.onepinError,
		huge: hugeShape{
			prefix: `{"data":[`,
			item:   s.onepinFixtures().json[0],
			suffix: `],"meta":{"request_id":"00000000-0000-4000-8000-000000000000","timestamp":"2024-01-15T09:30:00Z"},"pagination":{"limit":100,"next":null,"prev":null}}`,
		},
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
func (s *Server) onepinMeta() onepinMeta {
	n := s.onepinSeq.Add(1)
	x, y := mix64(n), mix64(n^0x5eed)
	return onepinMeta{
		RequestID: fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", uint32(x>>32), uint16(x>>16), uint16(x)&0xfff, 0x8000|uint16(y>>48)&0x3fff, y&0xffffffffffff),
		Timestamp: s.now().UTC().Format(time.RFC3339),
	}
}

func (s *Server) onepinErrorWith(code, msg string, details ...onepinDetail) onepinErrorBody {
	var b onepinErrorBody
	b.Error.Code, b.Error.Message, b.Error.Details = code, msg, append([]onepinDetail{}, details...)
	b.Meta = s.onepinMeta()
	return b
}

func (s *Server) onepinError(_ *http.Request, status int) any {
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

func (s *Server) serveOnepin(w http.ResponseWriter, r *http.Request, path string) {
	if path != onepinPlansPath {
		writeJSON(w, http.StatusNotFound, map[string]string{"detail": "Not Found"}) // FastAPI's unknown-route body
		return
	}
	// The plan list is public: no credentials is fine, wrong ones are not.
	if r.Header.Get("Authorization") != "" {
		if tok, ok := authToken(r, "Bearer"); !ok || tok != OnepinKey {
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeJSON(w, http.StatusUnauthorized, s.onepinError(r, http.StatusUnauthorized))
			return
		}
	}
	if ws, sent := r.Header["X-Workspace-Id"]; sent && !onepinWorkspaceID.MatchString(ws[0]) {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"detail": []any{map[string]any{
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
		writeJSON(w, http.StatusUnprocessableEntity, s.onepinErrorWith("validation_error", "Invalid query parameters", details...))
		return
	}

	total := len(s.onepinFixtures().plans)
	start := min((page-1)*limit, total)
	end := min(start+limit, total)
	link := func(p int) string {
		return baseURL(r) + r.URL.Path + "?page=" + strconv.Itoa(p) + "&limit=" + strconv.Itoa(limit)
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
	writeJSONString(&b, meta.RequestID)
	b.WriteString(`,"timestamp":`)
	writeJSONString(&b, meta.Timestamp)
	b.WriteString(`},"pagination":{"limit":`)
	b.WriteString(strconv.Itoa(limit))
	b.WriteString(`,"next":`)
	if end < total {
		writeJSONString(&b, link(page+1))
	} else {
		b.WriteString("null")
	}
	b.WriteString(`,"prev":`)
	if page > 1 {
		writeJSONString(&b, link(page-1))
	} else {
		b.WriteString("null")
	}
	b.WriteString(`}}`)
	writeRawJSON(w, http.StatusOK, b.Bytes(), "application/json")
}
