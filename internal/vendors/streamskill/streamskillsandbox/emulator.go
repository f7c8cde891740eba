// Package streamskillsandbox emulates StreamSkill's API in the sandbox (its handler, fixtures
// and options) and declares its dialect for the hostile server. No
// provider package imports it, so the provider binary carries no emulator.
package streamskillsandbox

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// Yii routes tariffs with <id:\d+>: anything else is an unknown route.
var streamskillTariffPath = regexp.MustCompile(`^/tarifs/(\d+)$`)

// Key is the StreamSkill API key the sandbox accepts.
const Key = "sandbox-streamskill-key"

// Name is StreamSkill's name in Requests, Responses, InjectFaults and LastHeader.
const Name = "streamskill"

// Emulator is StreamSkill's entry in the emulators' list.
var Emulator = sandbox.Emulator{Name: Name, Title: "StreamSkill", Key: Key, RateLimited: true, Build: build}

type server struct {
	host   *sandbox.Server
	opts   sandbox.Options
	data   *streamskillData
	limits *rateLimits
}

func (s *server) streamskillFixtures() *streamskillData { return s.data }

func (s *server) now() time.Time { return s.host.Now() }

func build(host *sandbox.Server, opts sandbox.Options) *sandbox.Vendor {
	s := &server{host: host, opts: opts, data: newStreamskillData(), limits: newRateLimits()}
	return &sandbox.Vendor{
		// StreamSkill documents no Retry-After; its 429 says when via X-Rate-Limit-Reset.
		TooManyRequests: &sandbox.Fault{Status: http.StatusTooManyRequests, RateLimitReset: "1"},
		Serve:           s.serveStreamskill,
		ErrorBody:       streamskillError,
		FaultHeaders:    streamskillFaultHeaders,
		ContentType:     streamskillContentType,
		Huge: sandbox.HugeShape{
			// There is no list endpoint: a huge tariff has a huge text array.
			Prefix: `{"id":1,"title":"Twitch Followers","text":[`,
			Item:   []byte(`"Real-looking followers, delivered within 24 hours, with a long description line"`),
			Suffix: `],"count":100,"price":50,"type":"twitch_followers","hourly":false,"pricing_type":"standard","graduated_prices":null}`,
		},
		Reset: s.limits.reset,
		Data:  s,
	}
}

type streamskillErrorBody struct {
	Name    string `json:"name"`
	Message string `json:"message"`
	Code    int    `json:"code"`
	Status  int    `json:"status"`
	Type    string `json:"type"`
}

// streamskillError mimics Yii2's REST error rendering.
func streamskillError(_ *http.Request, status int) any {
	name := http.StatusText(status)
	msg, typ := name+".", strings.ToLower(strings.ReplaceAll(name, " ", "_"))+"_http_exception"
	switch status {
	case http.StatusUnauthorized:
		msg = "Your request was made with invalid credentials."
	case http.StatusNotFound:
		msg = "Page not found."
	case http.StatusMethodNotAllowed:
		msg = "Method Not Allowed. This URL can only handle the following request methods: GET, HEAD."
	case http.StatusTooManyRequests:
		msg = "Rate limit exceeded."
	case http.StatusInternalServerError:
		msg, typ = "An internal server error occurred.", "server_error_http_exception"
	}
	return streamskillErrorBody{Name: name, Message: msg, Status: status, Type: typ}
}

func setStreamskillRateHeaders(h http.Header, st rateState) {
	h.Set("X-Rate-Limit-Limit", strconv.Itoa(st.limit))
	h.Set("X-Rate-Limit-Remaining", strconv.Itoa(st.remaining))
	h.Set("X-Rate-Limit-Reset", strconv.Itoa(st.reset))
}

// streamskillFaultHeaders keeps X-Rate-Limit-* on faulted responses without
// spending a token, and makes an injected 429 look exhausted.
func streamskillFaultHeaders(h http.Header, r *http.Request, status int) {
	st := idleStreamskillState(r)
	if status == http.StatusTooManyRequests {
		st.remaining, st.reset = 0, 1
	}
	setStreamskillRateHeaders(h, st)
}

// idleStreamskillState is what the headers say when limits are not enforced:
// a full bucket, so well-behaved clients never slow down needlessly.
func idleStreamskillState(r *http.Request) rateState {
	limit := streamskillBurst
	if r.Header.Get("Authorization") == "" {
		limit = streamskillAnonBurst
	}
	return rateState{allowed: true, limit: limit, remaining: limit}
}

func (s *server) serveStreamskill(w http.ResponseWriter, r *http.Request, path string) {
	tok, hasToken := sandbox.AuthToken(r, "Bearer")
	st := idleStreamskillState(r)
	if s.opts.EnforceRateLimits {
		st = s.limits.allowStreamskill(sandbox.LimitKey(r, tok), r.Header.Get("Authorization") == "", s.now())
	}
	setStreamskillRateHeaders(w.Header(), st)
	if !st.allowed {
		writeStreamskillJSON(w, http.StatusTooManyRequests, streamskillError(r, http.StatusTooManyRequests))
		return
	}

	m := streamskillTariffPath.FindStringSubmatch(path)
	if m == nil {
		writeStreamskillJSON(w, http.StatusNotFound, streamskillError(r, http.StatusNotFound))
		return
	}
	if !hasToken || tok != Key {
		writeStreamskillJSON(w, http.StatusUnauthorized, streamskillError(r, http.StatusUnauthorized))
		return
	}
	id, err := strconv.Atoi(m[1])
	byLang, found := s.streamskillFixtures().json[id]
	if err != nil || !found {
		writeStreamskillJSON(w, http.StatusNotFound, streamskillErrorBody{
			Name: "Not Found", Message: "Object not found: " + m[1], Status: http.StatusNotFound, Type: "tarif_not_found_exception",
		})
		return
	}
	w.Header().Set("Content-Language", streamskillLang(r))
	w.Header().Add("Vary", "Accept-Language")
	expand := 0
	for _, e := range strings.Split(r.URL.Query().Get("expand"), ",") {
		if strings.TrimSpace(e) == "panel" {
			expand = 1
		}
	}
	sandbox.WriteRawJSON(w, http.StatusOK, byLang[streamskillLang(r)][expand], streamskillContentType)
}

const streamskillContentType = "application/json; charset=UTF-8"

func writeStreamskillJSON(w http.ResponseWriter, status int, v any) {
	sandbox.WriteJSONAs(w, status, v, streamskillContentType)
}

// streamskillLang picks the first supported language in Accept-Language
// order of preference; anything unsupported falls back to English.
func streamskillLang(r *http.Request) string {
	best, bestQ := "en", -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if primary != "en" && primary != "ru" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if q > bestQ {
			best, bestQ = primary, q
		}
	}
	return best
}
