// Package probelysandbox emulates Probely's API in the sandbox (its handler, fixtures
// and options) and declares its dialect for the hostile server. No
// provider package imports it, so the provider binary carries no emulator.
package probelysandbox

import (
	"bytes"
	"flag"
	"net/http"
	"strconv"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

const probelyPlansPath = "/plans/"

// Key is the Probely API key the sandbox accepts.
const Key = "sandbox-probely-key"

// Name is Probely's name in Requests, Responses, InjectFaults and LastHeader.
const Name = "probely"

// Emulator is Probely's entry in the emulators' list.
var Emulator = sandbox.Emulator{Name: Name, Title: "Probely", Key: Key, Build: build, Flags: flags}

// Options are Probely's own emulator options, in sandbox.Options.Vendor.
type Options struct {
	BareArray bool // /plans/ answers a bare JSON array of every plan, as its OpenAPI 1.2.0 defines it
}

// WithBareArray makes /plans/ answer a bare JSON array of every plan.
func WithBareArray(bare bool) sandbox.VendorOptions {
	return sandbox.VendorOptions{Name: Options{BareArray: bare}}
}

func flags(fs *flag.FlagSet) func() any {
	var o Options
	fs.BoolVar(&o.BareArray, "probely-bare-array", false, "answer Probely's /plans/ with a bare JSON array, as its OpenAPI 1.2.0 defines it")
	return func() any { return o }
}

type server struct {
	opts Options
	data *probelyData
}

func (s *server) probelyFixtures() *probelyData { return s.data }

func build(_ *sandbox.Server, opts sandbox.Options) *sandbox.Vendor {
	o := sandbox.OptionsOf[Options](opts, Name)
	s := &server{opts: o, data: newProbelyData()}
	return &sandbox.Vendor{
		Serve:     s.serveProbely,
		ErrorBody: probelyError,
		Huge: sandbox.HugeShape{
			Prefix: `{"count":1000000,"page_total":1,"page":1,"length":1000000,"results":[`,
			Item:   s.data.json[0],
			Suffix: `]}`,
		},
		Data: s,
	}
}

// probelyError mimics Django REST framework's {"detail": ...} bodies.
func probelyError(r *http.Request, status int) any {
	msg := http.StatusText(status)
	switch status {
	case http.StatusUnauthorized:
		msg = "Incorrect authentication credentials."
	case http.StatusNotFound:
		msg = "Not found."
	case http.StatusMethodNotAllowed:
		msg = `Method "` + r.Method + `" not allowed.`
	case http.StatusTooManyRequests:
		msg = "Request was throttled. Expected available in 1 second."
	case http.StatusInternalServerError:
		msg = "Unexpected error while handling your request."
	case http.StatusServiceUnavailable:
		msg = "Service temporarily unavailable, try again later."
	}
	return map[string]string{"detail": msg}
}

func (s *server) serveProbely(w http.ResponseWriter, r *http.Request, path string) {
	if path == "/plans" {
		// Django's APPEND_SLASH redirects GETs that lack the trailing slash.
		loc := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			loc += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, loc, http.StatusMovedPermanently)
		return
	}
	if path != probelyPlansPath {
		sandbox.WriteJSON(w, http.StatusNotFound, probelyError(r, http.StatusNotFound))
		return
	}
	tok, ok := sandbox.AuthToken(r, "JWT")
	if !ok || tok != Key {
		w.Header().Set("WWW-Authenticate", `JWT realm="api"`)
		body := probelyError(r, http.StatusUnauthorized)
		if r.Header.Get("Authorization") == "" {
			body = map[string]string{"detail": "Authentication credentials were not provided."}
		}
		sandbox.WriteJSON(w, http.StatusUnauthorized, body)
		return
	}

	if s.opts.BareArray {
		sandbox.WriteRawJSON(w, http.StatusOK, append(append([]byte("["), bytes.Join(s.probelyFixtures().json, []byte(","))...), ']'), "application/json")
		return
	}
	q := r.URL.Query()
	length := 10
	if raw := q.Get("length"); raw != "" {
		n, err := strconv.Atoi(raw)
		var msg string
		switch {
		case err != nil:
			msg = "A valid integer is required."
		case n < 1:
			msg = "Ensure this value is greater than or equal to 1."
		case n > 100:
			msg = "Ensure this value is less than or equal to 100."
		}
		if msg != "" {
			sandbox.WriteJSON(w, http.StatusBadRequest, map[string][]string{"length": {msg}})
			return
		}
		length = n
	}
	count := len(s.probelyFixtures().plans)
	pageTotal := max(1, (count+length-1)/length)
	page := 1
	if raw := q.Get("page"); raw == "last" {
		page = pageTotal // DRF's PageNumberPagination accepts "last"
	} else if raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > pageTotal {
			sandbox.WriteJSON(w, http.StatusNotFound, map[string]string{"detail": "Invalid page."})
			return
		}
		page = n
	}

	start := (page - 1) * length
	end := min(start+length, count)
	var b bytes.Buffer
	b.WriteString(`{"count":`)
	b.WriteString(strconv.Itoa(count))
	b.WriteString(`,"page_total":`)
	b.WriteString(strconv.Itoa(pageTotal))
	b.WriteString(`,"page":`)
	b.WriteString(strconv.Itoa(page))
	b.WriteString(`,"length":`)
	b.WriteString(strconv.Itoa(length))
	b.WriteString(`,"results":[`)
	for i, raw := range s.probelyFixtures().json[start:end] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(raw)
	}
	b.WriteString(`]}`)
	sandbox.WriteRawJSON(w, http.StatusOK, b.Bytes(), "application/json")
}
