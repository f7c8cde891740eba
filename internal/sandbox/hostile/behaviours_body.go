package hostile

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Bodies that abuse JSON itself (issue 26), and a catalogue read one of
// whose vendors fails while a sibling data source shares another's read.

// ThirtyMBOfBrackets is the size of thirty-megabytes-of-brackets' body:
// under the 32 MiB per-response cap.
const ThirtyMBOfBrackets = 30 << 20

// plantMark is replaced in a marshalled body by what encoding/json would
// not write.
const plantMark = "hostile-plant"

// planted is a one-item listing whose free-form field is value, written
// into the JSON text as it is.
func (c *call) planted(value string) {
	b, _ := json.Marshal(c.body(c.listing(1, func(_ int, it map[string]any) { it[c.v.FreeFormField] = plantMark }))) // plain data: cannot fail
	writeRaw(c.w, http.StatusOK, "application/json", bytes.Replace(b, []byte(`"`+plantMark+`"`), []byte(value), 1))
}

// escapedKey is the key with its first two characters written as JSON
// \u escapes, the second in upper-case hex: the body never holds the key
// as sent, only its decoded text does.
func escapedKey(key string) string {
	return `\u00` + hexByte(key[0]) + `\u00` + strings.ToUpper(hexByte(key[1])) + key[2:]
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func nested(depth int) string {
	return strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth)
}

func init() {
	for name, b := range map[string]behaviour{
		"key-as-escaped-object-key": {"a one-item listing whose free-form field (Dialect.FreeFormField) has the key, \\u-escaped, as an object key",
			func(c *call) {
				value := `{"` + escapedKey(c.key) + `":"1"}`
				if c.v.FreeFormArray {
					value = "[" + value + "]"
				}
				c.planted(value)
			}},
		"key-base64-in-a-value": {"a one-item listing whose free-form field holds base64 of \"Bearer <key>\", as a server logging its request headers would echo it",
			func(c *call) {
				c.planted(`"` + base64.StdEncoding.EncodeToString([]byte("Bearer "+c.key)) + `"`)
			}},
		"thirty-megabytes-of-brackets": {"200 with a body of ThirtyMBOfBrackets bytes of [", func(c *call) {
			writeRaw(c.w, http.StatusOK, "application/json", bytes.Repeat([]byte("["), ThirtyMBOfBrackets))
		}},
		"free-form-nested-40-deep": {"a one-item listing whose free-form field nests 40 objects deep: valid JSON, under encoding/json's bound of 10,000",
			func(c *call) { c.planted(nested(40)) }},
		"byte-order-mark": {"the benign listing with a UTF-8 byte order mark before the JSON", func(c *call) {
			b, _ := json.Marshal(c.body(c.listing(BenignItems, nil))) // plain data: cannot fail
			writeRaw(c.w, http.StatusOK, "application/json", append([]byte("\xEF\xBB\xBF"), b...))
		}},
		"id-again-in-upper-case": {"a one-item listing whose item has its id, then \"ID\" again with another value, which encoding/json would take",
			func(c *call) {
				b, _ := json.Marshal(c.body(c.listing(1, func(_ int, it map[string]any) { it["zz"] = plantMark }))) // plain data: cannot fail
				other := `"plan_other"`
				if c.v.NumericIDs {
					other = "999"
				}
				writeRaw(c.w, http.StatusOK, "application/json", bytes.Replace(b, []byte(`"zz":"`+plantMark+`"`), []byte(`"ID":`+other), 1))
			}},
		"html-challenge-200": {"200 text/html: a CDN challenge page with a hyphen and a date in its text", func(c *call) {
			writeRaw(c.w, http.StatusOK, "text/html", []byte(ChallengePage))
		}},

		// pricing_catalog reading two vendors, one failing (catalogue-500)
		// and one held (catalogue-held), and a data source of a third
		// (catalogue-gate) waiting on the held vendor's shared read.
		"catalogue-500": {"500, once the catalogue-held read is shared by both data sources (after catalogue-gate answered)", func(c *call) {
			b := barrierFor(c.s)
			b.wait(b.gateAnswered)
			time.Sleep(2 * time.Second) // time for the gated data source to join the shared read
			writeJSON(c.w, http.StatusInternalServerError, c.v.ErrorBody("Internal Server Error", "server"))
			b.once(&b.failedOnce, b.failed)
		}},
		"catalogue-gate": {"the first item, answered once the catalogue-held read has begun: a data source that depends on it joins that read", func(c *call) {
			b := barrierFor(c.s)
			b.wait(b.heldArrived)
			c.ok(c.body(c.listing(1, nil)))
			b.once(&b.gateOnce, b.gateAnswered)
		}},
		"catalogue-held": {"the listing, held until catalogue-500 has failed and 2 s more; a request the client cancels is counted", func(c *call) {
			b := barrierFor(c.s)
			b.once(&b.arrivedOnce, b.heldArrived)
			b.wait(b.failed)
			select {
			case <-c.r.Context().Done():
				b.mu.Lock()
				b.abandoned++
				b.mu.Unlock()
			case <-time.After(2 * time.Second):
				c.ok(c.body(c.listing(3, nil)))
			}
		}},
	} {
		behaviours[name] = b
	}
}

// ChallengePage is what html-challenge-200 answers.
const ChallengePage = `<!DOCTYPE html><html><head><title>Just a moment...</title></head>` +
	`<body><p>Checking your browser before accessing. Free Wi-Fi? Ray ID 8a1f-2026-12-08.</p></body></html>`

// catalogueBarrier orders the catalogue behaviours of one Server.
type catalogueBarrier struct {
	heldArrived, gateAnswered, failed chan struct{}
	arrivedOnce, gateOnce, failedOnce sync.Once
	mu                                sync.Mutex
	abandoned                         int
}

var barriers sync.Map // *Server -> *catalogueBarrier

func barrierFor(s *Server) *catalogueBarrier {
	b, _ := barriers.LoadOrStore(s, &catalogueBarrier{
		heldArrived: make(chan struct{}), gateAnswered: make(chan struct{}), failed: make(chan struct{}),
	})
	return b.(*catalogueBarrier) //nolint:forcetypeassert // only catalogueBarriers are stored
}

func (b *catalogueBarrier) once(o *sync.Once, ch chan struct{}) { o.Do(func() { close(ch) }) }

// wait waits for ch, but never longer than a plan's deadline: a client
// that never makes the request waited for fails its test, not the server.
func (b *catalogueBarrier) wait(ch chan struct{}) {
	select {
	case <-ch:
	case <-time.After(30 * time.Second):
	}
}

// CatalogueReadsAbandoned is how many catalogue-held requests the client
// cancelled before they were answered.
func (s *Server) CatalogueReadsAbandoned() int {
	b := barrierFor(s)
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.abandoned
}
