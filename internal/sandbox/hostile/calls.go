package hostile

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

func (c *call) q() url.Values { return c.r.URL.Query() }

// size is the page size the request asked for.
func (c *call) size() int { return max(c.v.size(c.q()), 1) }

// listing is the page the request asked for of a listing of total items,
// each passed through edit (if set) with its index. StreamSkill's "listing"
// is the one tariff the path names.
func (c *call) listing(total int, edit func(i int, it map[string]any)) page {
	p := page{number: c.v.page(c.q()), size: c.size(), total: int64(total)}
	p.pages = max(1, (total+p.size-1)/p.size)
	first := 0
	if c.v.name == Streamskill {
		id, _ := strconv.Atoi(strings.TrimPrefix(c.rest, "/tarifs/"))
		first, p.number, p.pages = max(id, 1)-1, 1, 1
	}
	p.items = []any{}
	for i := (p.number - 1) * p.size; i < min(p.number*p.size, total); i++ {
		it := c.v.item(first + i)
		if edit != nil {
			edit(i, it)
		}
		p.items = append(p.items, it)
	}
	return p
}

func (c *call) body(p page) map[string]any { return c.v.envelope(c, p) }

func (c *call) ok(body map[string]any) { writeJSON(c.w, http.StatusOK, body) }

// withNext is page p's body with its next link replaced on page 1 (the
// vendors whose bodies carry one: identifAI and OnePin).
func (c *call) withNext(p page, next string) map[string]any {
	body := c.body(p)
	if p.number != 1 {
		return body
	}
	switch c.v.name {
	case Identifai:
		body["next_page_url"] = next
	case Onepin:
		if pagination, ok := body["pagination"].(map[string]any); ok {
			pagination["next"] = next
		}
	}
	return body
}

// echoText is a vendor message quoting the credential the request carried.
func (c *call) echoText() string {
	return "The key " + c.key + " is not valid for " + c.v.name + "."
}

func (c *call) echoError(status int) {
	c.w.Header().Set("X-Request-Id", c.key)
	if status == http.StatusUnauthorized {
		c.w.Header().Set("WWW-Authenticate", `Bearer realm="`+c.key+`"`)
	}
	writeJSON(c.w, status, c.v.errorBody(c.echoText(), c.key))
}

func (c *call) redirect(location string) {
	c.w.Header().Set("Location", location)
	c.w.WriteHeader(http.StatusFound)
}

func (c *call) throttle(header, value string) {
	c.w.Header().Set(header, value)
	writeJSON(c.w, http.StatusTooManyRequests, c.v.errorBody("Too Many Requests", "retry"))
}

func (c *call) lyingTotal() {
	var p page
	switch c.v.name {
	case Identifai:
		p = c.listing(1, nil)
		p.pages = 100000
	case Paygentic:
		p = c.listing(0, nil)
		p.total = 10_000_000
	case Probely:
		p = c.listing(2, nil)
		p.pages = 10000
	default:
		p = c.listing(BenignItems, nil)
	}
	c.ok(c.body(p))
}

func (c *call) endless() {
	switch c.v.name {
	case Identifai, Paygentic:
		c.ok(c.body(c.listing(10_000_000, nil)))
	case Probely:
		c.ok(c.body(c.listing(1_000_000, nil)))
	case Onepin:
		c.ok(c.body(c.listing(c.size()*(c.v.page(c.q())+1), nil)))
	default:
		c.ok(c.body(c.listing(BenignItems, nil)))
	}
}

// foreignPlans is what a lure path answers: a last page in OnePin's and
// identifAI's shapes at once, with a plan no real listing has, so a client
// that follows the lure merges it.
func (c *call) foreignPlans() {
	foreign := []any{map[string]any{"id": "plan_foreign", "name": "Foreign"}}
	c.ok(map[string]any{
		"data": foreign, "pagination": map[string]any{"limit": 100, "next": nil, "prev": nil},
		"current_page": 2, "last_page": 2, "next_page_url": nil, "total": 1,
	})
}
