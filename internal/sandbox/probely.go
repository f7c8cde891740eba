package sandbox

import (
	"bytes"
	"net/http"
	"strconv"
)

const probelyPlansPath = "/plans/"

// ProbelyKey is the Probely API key the sandbox accepts.
const ProbelyKey = "sandbox-probely-key"

// VendorProbely is Probely's name in Requests, Responses, InjectFaults and LastHeader.
const VendorProbely = "probely"

func init() {
	registerVendor(vendorDef{
		name: VendorProbely, key: ProbelyKey, order: 3,
		newData: func(o Options) any { return newProbelyData() },
		build:   (*Server).probelyVendor,
	})
}

func (s *Server) probelyFixtures() *probelyData { return fixturesOf[*probelyData](s, VendorProbely) }

func (s *Server) probelyVendor() *vendor {
	return &vendor{
		name:      VendorProbely,
		prefix:    "/probely",
		serve:     s.serveProbely,
		errorBody: probelyError,
		huge: hugeShape{
			prefix: `{"count":1000000,"page_total":1,"page":1,"length":1000000,"results":[`,
			item:   s.probelyFixtures().json[0],
			suffix: `]}`,
		},
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

func (s *Server) serveProbely(w http.ResponseWriter, r *http.Request, path string) {
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
		writeJSON(w, http.StatusNotFound, probelyError(r, http.StatusNotFound))
		return
	}
	tok, ok := authToken(r, "JWT")
	if !ok || tok != ProbelyKey {
		w.Header().Set("WWW-Authenticate", `JWT realm="api"`)
		body := probelyError(r, http.StatusUnauthorized)
		if r.Header.Get("Authorization") == "" {
			body = map[string]string{"detail": "Authentication credentials were not provided."}
		}
		writeJSON(w, http.StatusUnauthorized, body)
		return
	}

	if s.opts.ProbelyBareArray {
		writeRawJSON(w, http.StatusOK, append(append([]byte("["), bytes.Join(s.probelyFixtures().json, []byte(","))...), ']'), "application/json")
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
			writeJSON(w, http.StatusBadRequest, map[string][]string{"length": {msg}})
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
			writeJSON(w, http.StatusNotFound, map[string]string{"detail": "Invalid page."})
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
	writeRawJSON(w, http.StatusOK, b.Bytes(), "application/json")
}
