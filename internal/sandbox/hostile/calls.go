package hostile

import (
	"net/http"
	"net/url"
)

func (c *call) q() url.Values { return c.r.URL.Query() }

// size is the page size the request asked for.
func (c *call) size() int { return max(c.v.Size(c.q()), 1) }

// listing is the page the request asked for of a listing of total items,
// each passed through edit (if set) with its index. A vendor without
// Listing's "listing" is the one item the path names.
func (c *call) listing(total int, edit func(i int, it map[string]any)) Page {
	p := Page{Number: c.v.Page(c.q()), Size: c.size(), Total: int64(total)}
	p.Pages = max(1, (total+p.Size-1)/p.Size)
	first := 0
	if !c.v.Listing {
		first, p.Number, p.Pages = max(c.v.ItemIndex(c.rest), 0), 1, 1
	}
	p.Items = []any{}
	for i := (p.Number - 1) * p.Size; i < min(p.Number*p.Size, total); i++ {
		it := c.v.Item(first + i)
		if edit != nil {
			edit(i, it)
		}
		p.Items = append(p.Items, it)
	}
	return p
}

func (c *call) body(p Page) map[string]any { return c.v.Envelope(c.base(), c.rest, p) }

func (c *call) ok(body map[string]any) { writeJSON(c.w, http.StatusOK, body) }

// withNext is page p's body with its next link replaced on page 1 (the
// vendors whose bodies carry one: Dialect.SetNext).
func (c *call) withNext(p Page, next string) map[string]any {
	body := c.body(p)
	if p.Number == 1 && c.v.SetNext != nil {
		c.v.SetNext(body, next)
	}
	return body
}

// echoText is a vendor message quoting the credential the request carried.
func (c *call) echoText() string {
	return "The key " + c.key + " is not valid for " + c.v.Name + "."
}

func (c *call) echoError(status int) {
	c.w.Header().Set("X-Request-Id", c.key)
	if status == http.StatusUnauthorized {
		c.w.Header().Set("WWW-Authenticate", `Bearer realm="`+c.key+`"`)
	}
	writeJSON(c.w, status, c.v.ErrorBody(c.echoText(), c.key))
}

func (c *call) redirect(location string) {
	c.w.Header().Set("Location", location)
	c.w.WriteHeader(http.StatusFound)
}

func (c *call) throttle(header, value string) {
	c.w.Header().Set(header, value)
	writeJSON(c.w, http.StatusTooManyRequests, c.v.ErrorBody("Too Many Requests", "retry"))
}

func (c *call) lyingTotal() {
	if c.v.LyingTotal == nil {
		c.ok(c.body(c.listing(BenignItems, nil)))
		return
	}
	c.ok(c.body(c.v.LyingTotal(func(total int) Page { return c.listing(total, nil) })))
}

func (c *call) endless() {
	total := BenignItems
	if c.v.EndlessTotal != nil {
		total = c.v.EndlessTotal(c.size(), c.v.Page(c.q()))
	}
	c.ok(c.body(c.listing(total, nil)))
}

// lure is the path, from the origin, that the other-api behaviours lead a
// client to: another vendor's API on the same origin (Dialect.Lure).
func (c *call) lure() string {
	for _, d := range dialects {
		if d.Lure != "" {
			return "/" + c.behaviour + "/" + d.Name + d.Lure
		}
	}
	return "/" + c.behaviour + "/other-api"
}

// foreignPlans is what a lure path answers: a last page in the shapes of
// the next-link vendors at once, with a plan no real listing has, so a
// client that follows the lure merges it.
func (c *call) foreignPlans() {
	foreign := []any{map[string]any{"id": "plan_foreign", "name": "Foreign"}}
	c.ok(map[string]any{
		"data": foreign, "pagination": map[string]any{"limit": 100, "next": nil, "prev": nil},
		"current_page": 2, "last_page": 2, "next_page_url": nil, "total": 1,
	})
}
