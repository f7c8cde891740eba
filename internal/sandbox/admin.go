package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

const adminPrefix = "/_sandbox/"

// serveAdmin lets out-of-process scripts read counters and inject faults:
//
//	GET  /_sandbox/requests            {"<vendor>": n, ..., "responses": {"<vendor>": {"200": n, "429": m}, ...}}
//	POST /_sandbox/reset               counters, queued faults, recorded headers and rate limits
//	POST /_sandbox/faults?vendor=X     body: JSON array of Fault, e.g. [{"status":503},{"kind":"hang","match":"page=3"}]
//	DELETE /_sandbox/faults?vendor=X   drops X's queued faults
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case adminPrefix + "requests":
		if r.Method != http.MethodGet {
			adminError(w, http.StatusMethodNotAllowed, "use GET")
			return
		}
		WriteJSON(w, http.StatusOK, s.countsSnapshot())
	case adminPrefix + "reset":
		if r.Method != http.MethodPost {
			adminError(w, http.StatusMethodNotAllowed, "use POST")
			return
		}
		s.Reset()
		WriteJSON(w, http.StatusOK, map[string]bool{"ok": true})
	case adminPrefix + "faults":
		s.serveAdminFaults(w, r)
	default:
		adminError(w, http.StatusNotFound, "unknown admin endpoint "+r.URL.Path)
	}
}

func (s *Server) serveAdminFaults(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("vendor")
	if !slices.Contains(VendorNames(), name) {
		adminError(w, http.StatusBadRequest, "vendor must be one of "+strings.Join(VendorNames(), ", "))
		return
	}
	switch r.Method {
	case http.MethodPost:
		var faults []Fault
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
		dec.DisallowUnknownFields() // a typo in a script should fail loudly, not inject nothing
		if err := dec.Decode(&faults); err != nil {
			adminError(w, http.StatusBadRequest, "body must be a JSON array of faults: "+err.Error())
			return
		}
		s.InjectFaults(name, faults...)
		WriteJSON(w, http.StatusOK, map[string]int{"queued": s.PendingFaults(name)})
	case http.MethodDelete:
		s.ClearFaults(name)
		WriteJSON(w, http.StatusOK, map[string]int{"queued": 0})
	default:
		adminError(w, http.StatusMethodNotAllowed, "use POST or DELETE")
	}
}

func (s *Server) countsSnapshot() map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]any{}
	responses := map[string]map[string]int{}
	for _, v := range VendorNames() {
		out[v] = s.requests[v]
		byStatus := map[string]int{}
		for status, n := range s.responses[v] {
			byStatus[strconv.Itoa(status)] = n
		}
		responses[v] = byStatus
	}
	out["responses"] = responses
	return out
}

func adminError(w http.ResponseWriter, status int, msg string) {
	WriteJSON(w, status, map[string]string{"error": msg})
}
