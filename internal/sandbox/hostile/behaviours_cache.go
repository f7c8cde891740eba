package hostile

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
)

// Behaviours for the cache between runs (issue 26): a test plans the same
// configuration several times with a cache folder, and these answer each
// plan's requests by their ordinal (c.n), so a listing of two pages is at
// version v1 for the first plan (requests 1 and 2) and v2 after, as a
// vendor whose list changed would be. The version is in every item's name
// ("Plan 1 (v2)"), so the plan's output shows which one was read.
func init() {
	for name, b := range map[string]behaviour{
		"key-in-validators": {"a correct listing whose ETag is the request's credential header and Last-Modified the key; " +
			"a request that sends the key back in a validator is answered 400", func(c *call) {
			c.refuseKeyInValidators(func() {
				c.w.Header().Set("ETag", `"`+c.credentialHeader()+`"`)
				c.w.Header().Set("Last-Modified", c.key)
				c.versioned("v1")
			})
		}},
		"key-in-validators-encoded": {"key-in-validators with the credential header in base64 in the ETag and the key in hex in Last-Modified", func(c *call) {
			c.refuseKeyInValidators(func() {
				c.w.Header().Set("ETag", `W/"`+base64.StdEncoding.EncodeToString([]byte(c.credentialHeader()))+`"`)
				c.w.Header().Set("Last-Modified", hex.EncodeToString([]byte(c.key)))
				c.versioned("v1")
			})
		}},
		"304-with-another-etag": {"v1 with ETags, then every conditional request answered 304 with v2's ETag, and an unconditional one with v2", func(c *call) {
			switch {
			case c.n <= 2:
				c.versionedWithETag("v1")
			case c.r.Header.Get("If-None-Match") != "":
				c.w.Header().Set("ETag", c.etag("v2"))
				c.w.WriteHeader(http.StatusNotModified)
			default:
				c.versionedWithETag("v2")
			}
		}},
		"304-unsolicited-once": {"v1 without validators, then one 304 to a request that sent none, then v2", func(c *call) {
			switch c.n {
			case 1, 2:
				c.versioned("v1")
			case 3:
				c.w.WriteHeader(http.StatusNotModified)
			default:
				c.versioned("v2")
			}
		}},
		"304-unsolicited-always": {"v1 without validators, then 304 to every request", func(c *call) {
			if c.n <= 2 {
				c.versioned("v1")
				return
			}
			c.w.WriteHeader(http.StatusNotModified)
		}},
		"304-lagging-replica-page-2": {"v1 with ETags, then v2, except that page 2 asked for with v1's ETag is confirmed 304 by a replica that lags", func(c *call) {
			if c.n <= 2 {
				c.versionedWithETag("v1")
				return
			}
			if c.v.Page(c.q()) == 2 && c.r.Header.Get("If-None-Match") == c.etag("v1") {
				c.w.Header().Set("ETag", c.etag("v1"))
				c.w.WriteHeader(http.StatusNotModified)
				return
			}
			c.versionedWithETag("v2")
		}},
	} {
		behaviours[name] = b
	}
}

// versioned answers the benign listing with version in every item's name.
func (c *call) versioned(version string) {
	c.ok(c.body(c.listing(BenignItems, func(_ int, it map[string]any) {
		it["name"] = fmt.Sprintf("%v (%s)", it["name"], version)
	})))
}

// etag is the ETag of the requested page at version.
func (c *call) etag(version string) string {
	return fmt.Sprintf(`"%s-page-%d"`, version, c.v.Page(c.q()))
}

func (c *call) versionedWithETag(version string) {
	c.w.Header().Set("ETag", c.etag(version))
	c.versioned(version)
}

// credentialHeader is the credential header's whole value as the request
// sent it ("Bearer <key>"), as a server echoing it would.
func (c *call) credentialHeader() string {
	return c.r.Header.Get("Authorization") + c.r.Header.Get("X-Api-Key")
}

// refuseKeyInValidators answers 400 to a request that sends the key back
// in If-None-Match or If-Modified-Since (as is, in base64 or in hex), so a
// client that does fails its plan; else it serves.
func (c *call) refuseKeyInValidators(serve func()) {
	for _, h := range []string{"If-None-Match", "If-Modified-Since"} {
		v := c.r.Header.Get(h)
		if v == "" {
			continue
		}
		plain := v
		if b, err := base64.StdEncoding.DecodeString(strings.Trim(strings.TrimPrefix(v, "W/"), `"`)); err == nil {
			plain += string(b)
		}
		if b, err := hex.DecodeString(v); err == nil {
			plain += string(b)
		}
		if strings.Contains(plain, c.key) {
			writeJSON(c.w, http.StatusBadRequest, c.v.ErrorBody("The request sent the API key back in "+h+".", "key_in_validator"))
			return
		}
	}
	serve()
}
