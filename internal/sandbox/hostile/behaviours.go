package hostile

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

// behaviour answers one request in a hostile way. Any behaviour serves any
// vendor; which ones make sense for which vendor is the tests' choice.
type behaviour struct {
	doc   string
	serve func(c *call)
}

// Names lists every behaviour, sorted.
func Names() []string {
	names := make([]string, 0, len(behaviours))
	for n := range behaviours {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Doc is what a behaviour does, for reports.
func Doc(name string) string { return behaviours[name].doc }

// BenignItems is the size of the benign listing: two pages of the 100 a
// page the provider asks for, so paging is exercised.
const BenignItems = 150

// ThirtyMB is the size of each of the 20 pages of thirty-megabyte-pages:
// under the 32 MiB per-response cap, far over any sane listing in total.
const ThirtyMB = 30 << 20

// NumberForms are the number literals of the number-* behaviours, planted
// in the vendor's NumberField: each is valid JSON that no price can be.
var NumberForms = map[string]string{
	"ten-million-digit-exponent":  "1e10000000",
	"exponent-beyond-float64":     "1e3000000000",
	"negative-exponent-beyond":    "1e-1000000000",
	"exponent-beyond-big-float":   "1e1000000000",
	"forty-one-significant-digit": "12345678901234567890123456789012345678901",
	"ten-to-the-thirty":           "1e30",
	"minus-ten-to-the-thirty":     "-1e30",
}

var behaviours = map[string]behaviour{
	"benign": {"a correct listing of BenignItems items, two pages", func(c *call) { c.ok(c.body(c.listing(BenignItems, nil))) }},

	// A key echoed back in every string a client might print.
	"key-in-error-401": {"401 with the key in every string field and a field name", func(c *call) { c.echoError(http.StatusUnauthorized) }},
	"key-in-error-422": {"422 with the key in every string field and a field name", func(c *call) { c.echoError(http.StatusUnprocessableEntity) }},
	"key-in-error-503": {"503 (retried) with the key in every string field", func(c *call) { c.echoError(http.StatusServiceUnavailable) }},
	"key-in-fastapi-422": {"a FastAPI 422 form with the key in loc, msg and type", func(c *call) {
		t := c.echoText()
		writeJSON(c.w, http.StatusUnprocessableEntity, map[string]any{"detail": []map[string]any{{"loc": []string{"header", c.key}, "msg": t, "type": t}}})
	}},
	"key-in-html-200": {"200 text/html quoting the key", func(c *call) {
		writeRaw(c.w, http.StatusOK, "text/html", []byte("<!DOCTYPE html><html><body><p>"+c.echoText()+"</p></body></html>"))
	}},
	"key-in-json-200-error": {"200 carrying the vendor's error body, key planted", func(c *call) {
		writeJSON(c.w, http.StatusOK, c.v.ErrorBody(c.echoText(), c.key))
	}},
	"key-in-error-unicode-escaped": {"422 whose body writes the key with a JSON \\u escape, so only the decoded text holds it", func(c *call) {
		b, _ := json.Marshal(c.v.ErrorBody(c.echoText(), c.key)) // plain data: cannot fail
		escaped := fmt.Sprintf(`\u%04x`, c.key[0]) + c.key[1:]
		writeRaw(c.w, http.StatusUnprocessableEntity, "application/json", bytes.ReplaceAll(b, []byte(c.key), []byte(escaped)))
	}},
	"key-in-plan-id": {"a lookup answered with the key as the item's id", func(c *call) {
		body := c.body(c.listing(1, nil))
		body["id"] = c.key
		c.ok(body)
	}},
	"key-in-next-link-off-origin": {"page 1 of 2 whose next link carries the key in userinfo, path, query and fragment, on another origin", func(c *call) {
		c.ok(c.withNext(c.listing(2*c.size(), nil), strings.Replace(c.s.OtherURL, "://", "://"+url.PathEscape(c.key)+":"+url.PathEscape(c.key)+"@", 1)+"/"+c.key+"?api_key="+c.key+"#"+c.key))
	}},
	"key-in-next-link-path": {"page 1 of 2 whose next link, on the same origin, has the key as a path segment and query", func(c *call) {
		c.ok(c.withNext(c.listing(2*c.size(), nil), c.origin()+"/"+c.key+c.v.Path+"?page=2&api_key="+c.key))
	}},
	"key-in-redirect": {"302 to another origin with the key in the Location path and query", func(c *call) {
		c.redirect(c.s.OtherURL + "/" + c.key + "?api_key=" + c.key)
	}},
	"key-in-headers": {"429 with the key in Retry-After, X-Rate-Limit-Reset, WWW-Authenticate, Set-Cookie and X-Request-Id", func(c *call) {
		h := c.w.Header()
		for _, name := range []string{"Retry-After", "X-Rate-Limit-Reset", "X-Request-Id", "X-Debug-Authorization"} {
			h.Set(name, c.key)
		}
		h.Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="`+c.key+`"`)
		h.Set("Set-Cookie", "session="+c.key)
		writeJSON(c.w, http.StatusTooManyRequests, c.v.ErrorBody("Too Many Requests", "retry"))
	}},
	"key-in-success-body": {"a correct listing whose ids, names, SKUs, titles and descriptions hold the key", func(c *call) {
		c.ok(c.body(c.listing(3, func(i int, it map[string]any) {
			for _, k := range []string{"id", "name", "sku", "title", "description"} {
				if _, isNumber := it[k].(int); !isNumber {
					it[k] = c.key + "-" + k + "-" + string(rune('a'+i))
				}
			}
		})))
	}},
	"key-in-every-string": {"a listing whose every string value, codes and amounts included, holds the key", func(c *call) {
		c.ok(c.body(c.listing(3, func(i int, it map[string]any) {
			for k, v := range it {
				if _, isString := v.(string); isString {
					it[k] = c.key + "-" + k + "-" + string(rune('a'+i))
				}
			}
		})))
	}},

	// Bodies that are not a list, and items without an identity.
	"null-body":         {"200 with the body null", func(c *call) { writeRaw(c.w, http.StatusOK, "application/json", []byte("null")) }},
	"empty-object-body": {"200 with the body {}", func(c *call) { writeRaw(c.w, http.StatusOK, "application/json", []byte("{}")) }},
	"null-item": {"a one-item listing whose item is null", func(c *call) {
		p := c.listing(1, nil)
		p.Items = []any{nil}
		c.ok(c.body(p))
	}},
	"item-without-id": {"a one-item listing (or tariff) without id", func(c *call) {
		c.ok(c.body(c.listing(1, func(_ int, it map[string]any) { delete(it, "id") })))
	}},
	"item-with-empty-id": {"a one-item listing (or tariff) whose id is empty or zero", func(c *call) {
		c.ok(c.body(c.listing(1, func(_ int, it map[string]any) {
			if _, isString := it["id"].(string); isString {
				it["id"] = ""
			} else {
				it["id"] = 0
			}
		})))
	}},

	"list-overridden-by-duplicate-key": {"a correct one-page listing followed by the list's key again, null: the last one wins", func(c *call) {
		b, _ := json.Marshal(c.body(c.listing(3, nil))) // plain data: cannot fail
		list := cmp.Or(c.v.ListKey, "data")
		writeRaw(c.w, http.StatusOK, "application/json", append(b[:len(b)-1], []byte(`,"`+list+`":null}`)...))
	}},

	// Paging that lies.
	"lying-total":   {"totals that lie in each vendor's way (Dialect.LyingTotal): far more pages, or items, than are served", func(c *call) { c.lyingTotal() }},
	"endless-pages": {"full pages forever: millions of items claimed, or a next link on every page (Dialect.EndlessTotal)", func(c *call) { c.endless() }},
	"empty-page-before-last": {"three pages claimed, the second one empty", func(c *call) {
		p := c.listing(2*c.size()+1, nil)
		if c.v.Page(c.q()) == 2 {
			p.Items = []any{}
		}
		c.ok(c.body(p))
	}},
	"page-count-disagrees": {"10 items on page 1, but 3 pages claimed", func(c *call) {
		p := c.listing(10, nil)
		p.Pages = 3
		if p.Number > 1 {
			p.Items = []any{}
		}
		c.ok(c.body(p))
	}},

	// Memory and waits.
	"thirty-megabyte-pages": {"20 pages of ThirtyMB each", func(c *call) {
		filler := strings.Repeat("x", ThirtyMB/c.size())
		c.ok(c.body(c.listing(20*c.size(), func(_ int, it map[string]any) { it["name"] = filler })))
	}},
	"retry-after-overflow":      {"429 with Retry-After: 10000000000", func(c *call) { c.throttle("Retry-After", "10000000000") }},
	"rate-limit-reset-overflow": {"429 with X-Rate-Limit-Reset: 10000000000", func(c *call) { c.throttle("X-Rate-Limit-Reset", "10000000000") }},
	"retry-after-far-date":      {"429 with Retry-After in the year 9999", func(c *call) { c.throttle("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT") }},
	"throttled-forever":         {"429 with Retry-After: 1 on every request", func(c *call) { c.throttle("Retry-After", "1") }},

	// Links and redirects that lead elsewhere.
	"next-link-to-other-api": {"page 1 of 2 whose next link is another vendor's API on the same origin (Dialect.Lure); that path answers foreign plans", func(c *call) {
		if c.v.Lure != "" {
			c.foreignPlans()
			return
		}
		c.ok(c.withNext(c.listing(2*c.size(), nil), c.origin()+c.lure()+"?page=2"))
	}},
	"redirect-to-other-origin": {"302 to the same documented path on another origin", func(c *call) { c.redirect(c.s.OtherURL + "/" + c.v.Name + c.rest) }},
	"redirect-to-other-api": {"302 to another vendor's API on the same origin (Dialect.Lure), which answers foreign plans", func(c *call) {
		if c.v.Lure != "" {
			c.foreignPlans()
			return
		}
		c.redirect(c.origin() + c.lure())
	}},
	"bad-location": {"302 whose Location does not parse", func(c *call) { c.redirect("http://[::1") }},
	"gzip-bad-checksum": {"the benign page gzip-encoded with a corrupt checksum", func(c *call) {
		b, _ := json.Marshal(c.body(c.listing(BenignItems, nil))) // plain data: cannot fail
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		_, _ = zw.Write(b)
		_ = zw.Close()
		gz := z.Bytes()
		gz[len(gz)-8] ^= 0xff // the CRC-32 of the trailer
		c.w.Header().Set("Content-Encoding", "gzip")
		writeRaw(c.w, http.StatusOK, "application/json", gz)
	}},
	"gzip-bomb": {"a 100 KB gzip body that inflates to 100 MB of whitespace", func(c *call) {
		c.w.Header().Set("Content-Encoding", "gzip")
		writeRaw(c.w, http.StatusOK, "application/json", gzipBomb())
	}},
	"deep-nesting": {"a one-item listing whose free-form tiers or limits field nests 100,000 arrays deep", func(c *call) {
		// encoding/json refuses to write such depth, so it goes in after.
		const mark = "hostile-deep-nesting"
		b, _ := json.Marshal(c.body(c.listing(1, func(_ int, it map[string]any) { it["tiers"], it["limits"] = mark, map[string]any{"x": mark} })))
		deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
		writeRaw(c.w, http.StatusOK, "application/json", bytes.ReplaceAll(b, []byte(`"`+mark+`"`), []byte(deep)))
	}},

	// Issue 26, items 7 and 10.
	"etag-del-byte": {"the benign page with an ETag holding a DEL byte (Go's client: malformed MIME header line)", func(c *call) {
		c.w.Header().Set("ETag", "\"v\x7f1\"")
		c.ok(c.body(c.listing(BenignItems, nil)))
	}},
	"page-size-one": {"75 items in pages of 1, whatever page size was asked", func(c *call) {
		p := c.listing(75, nil)
		p.Size, p.Pages = 1, 75
		p.Items = p.Items[:min(1, len(p.Items))]
		c.ok(c.body(p))
	}},
	"redirect-to-login": {"302 to the origin's /login page, as Laravel answers an unauthenticated request that does not ask for JSON", func(c *call) {
		c.redirect(c.origin() + "/login")
	}},
}

func init() {
	for name, lit := range NumberForms {
		behaviours["number-"+name] = behaviour{"a one-item listing (or tariff) whose NumberField is " + lit, func(c *call) {
			c.ok(c.body(c.listing(1, func(_ int, it map[string]any) { it[c.v.NumberField] = json.Number(lit) })))
		}}
	}
}

// gzipBomb is built once, as 100 gzip members of 1 MiB each (RFC 1952
// allows a file of several members; Go's reader reads them all):
// compressing one MiB costs milliseconds, where compressing 100 MB in one
// member took seconds, longer than request_timeout on a busy machine.
var gzipBomb = sync.OnceValue(func() []byte {
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression) // a valid level: cannot fail
	_, _ = zw.Write(bytes.Repeat([]byte(" "), 1<<20))           // writes to a Buffer never fail
	_ = zw.Close()
	return bytes.Repeat(member.Bytes(), 100)
})
