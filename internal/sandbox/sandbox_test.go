package sandbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/identifai/identifaisandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/onepin/onepinsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/paygentic/paygenticsandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/probely/probelysandbox"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors/streamskill/streamskillsandbox"
	// Every vendor's emulator registers itself with the sandbox.
	_ "github.com/pricingkit/terraform-provider-pricing/internal/vendors/sandboxes"
)

// --- helpers ---------------------------------------------------------------

type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

func start(t *testing.T, opts sandbox.Options) (*sandbox.Server, *httptest.Server) {
	t.Helper()
	s := sandbox.New(opts)
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		s.Close()
		ts.Close()
	})
	return s, ts
}

func get(t *testing.T, url string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return response{resp.StatusCode, resp.Header, body}
}

// as asserts a decoded JSON value's type, failing the test instead of panicking.
func as[T any](t *testing.T, v any) T {
	t.Helper()
	x, ok := v.(T)
	if !ok {
		t.Fatalf("value %v is %T, want %T", v, v, x)
	}
	return x
}

func assertJSONEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got invalid JSON %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want is invalid JSON %q: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body mismatch\n got: %s\nwant: %s", got, want)
	}
}

// Credentials per vendor, as header name/value pairs.
var (
	identifaiAuth   = []string{"X-Api-Key", identifaisandbox.Key}
	paygenticAuth   = []string{"Authorization", "Bearer " + paygenticsandbox.Key}
	probelyAuth     = []string{"Authorization", "JWT " + probelysandbox.Key}
	onepinAuth      = []string{"Authorization", "Bearer " + onepinsandbox.Key}
	streamskillAuth = []string{"Authorization", "Bearer " + streamskillsandbox.Key}
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// --- identifAI -------------------------------------------------------------

func TestIdentifaiPagingByNextLinksVisitsEveryPricingOnce(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	want := identifaisandbox.Pricings(s)
	if len(want) < 40 {
		t.Fatalf("fixture has %d pricings, want about 45", len(want))
	}

	next := ts.URL + "/identifai/api/partner/pricings?order=id&direction=asc&per_page=7"
	var ids []int
	for page := 1; next != ""; page++ {
		r := get(t, next, identifaiAuth...)
		if r.status != http.StatusOK {
			t.Fatalf("page %d: status %d: %s", page, r.status, r.body)
		}
		var body struct {
			CurrentPage int                        `json:"current_page"`
			Data        []identifaisandbox.Pricing `json:"data"`
			From, To    *int
			LastPage    int     `json:"last_page"`
			NextPageURL *string `json:"next_page_url"`
			PerPage     int     `json:"per_page"`
			Total       int     `json:"total"`
		}
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatal(err)
		}
		if body.CurrentPage != page || body.PerPage != 7 || body.Total != len(want) || body.LastPage != (len(want)+6)/7 {
			t.Fatalf("page %d: unexpected paginator %+v", page, body)
		}
		if *body.From != (page-1)*7+1 || *body.To != (page-1)*7+len(body.Data) {
			t.Errorf("page %d: from/to = %d/%d", page, *body.From, *body.To)
		}
		for _, p := range body.Data {
			ids = append(ids, p.ID)
		}
		next = ""
		if body.NextPageURL != nil {
			next = *body.NextPageURL
			wantNext := ts.URL + "/identifai/api/partner/pricings?order=id&direction=asc&per_page=7&page=" + strconv.Itoa(page+1)
			if next != wantNext {
				t.Fatalf("next_page_url = %q, want %q", next, wantNext)
			}
		} else if page != body.LastPage {
			t.Fatalf("next_page_url is null on page %d of %d", page, body.LastPage)
		}
	}
	for i, id := range ids {
		if id != want[i].ID {
			t.Fatalf("ids in order = %v, want ascending 1..%d", ids, len(want))
		}
	}
	if len(ids) != len(want) {
		t.Fatalf("visited %d pricings, want %d", len(ids), len(want))
	}
}

func TestIdentifaiWithoutPerPageReturnsEveryPricingInOneResponse(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	r := get(t, ts.URL+"/identifai/api/partner/pricings", identifaiAuth...)
	m := r.json(t)
	total := len(identifaisandbox.Pricings(s))
	if len(as[[]any](t, m["data"])) != total || m["per_page"] != float64(total) || m["last_page"] != 1.0 || m["next_page_url"] != nil {
		t.Fatalf("unexpected single-page body: %s", r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
}

func TestIdentifaiDefaultOrderIsCreatedAtDescendingWhichIsNotIdOrder(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	r := get(t, ts.URL+"/identifai/api/partner/pricings", identifaiAuth...)
	var body struct{ Data []identifaisandbox.Pricing }
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	created := map[int]time.Time{}
	for _, p := range identifaisandbox.Pricings(s) {
		created[p.ID] = p.CreatedAt
	}
	idDesc := true
	for i := 1; i < len(body.Data); i++ {
		if created[body.Data[i-1].ID].Before(created[body.Data[i].ID]) {
			t.Fatalf("not sorted by created_at desc at %d: %v", i, body.Data[i-1:i+1])
		}
		if body.Data[i-1].ID < body.Data[i].ID {
			idDesc = false
		}
	}
	if idDesc {
		t.Error("created_at order equals id order; the fixture should make them differ")
	}
}

func TestIdentifaiHasTwoPricingsWithTheSameNameAndDifferentSKUs(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	var skus []string
	for _, p := range identifaisandbox.Pricings(s) {
		if p.Name == identifaisandbox.DuplicateName {
			skus = append(skus, p.SKU)
		}
	}
	if len(skus) != 2 || skus[0] == skus[1] {
		t.Fatalf("pricings named %q have skus %v, want two distinct", identifaisandbox.DuplicateName, skus)
	}
}

// --- auth and validation across vendors -------------------------------------

func TestEachVendorRejectsBadCredentialsWithItsOwnBody(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	tests := []struct {
		name    string
		path    string
		headers []string
		status  int
		want    string
	}{
		{"identifAI without a key", "/identifai/api/partner/pricings", nil, 401, `{"message":"Unauthenticated."}`},
		{"identifAI with a wrong key", "/identifai/api/partner/pricings", []string{"X-Api-Key", "nope"}, 401, `{"message":"Unauthenticated."}`},
		{"Paygentic without a token", "/paygentic/v0/plans", nil, 401, `{"error":"unauthorized","message":"Invalid API key","code":"unauthorized","details":null}`},
		{"Paygentic with a wrong token", "/paygentic/v0/plans", []string{"Authorization", "Bearer nope"}, 401, `{"error":"unauthorized","message":"Invalid API key","code":"unauthorized","details":null}`},
		{"Paygentic with the key as a JWT", "/paygentic/v0/plans", []string{"Authorization", "JWT " + paygenticsandbox.Key}, 401, `{"error":"unauthorized","message":"Invalid API key","code":"unauthorized","details":null}`},
		{"Probely with the key as a Bearer token", "/probely/plans/", []string{"Authorization", "Bearer " + probelysandbox.Key}, 401, `{"detail":"Incorrect authentication credentials."}`},
		{"Probely with a wrong key", "/probely/plans/", []string{"Authorization", "JWT nope"}, 401, `{"detail":"Incorrect authentication credentials."}`},
		{"Probely without a key", "/probely/plans/", nil, 401, `{"detail":"Authentication credentials were not provided."}`},
		{"StreamSkill without a token", "/streamskill/tarifs/1", nil, 401, `{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401,"type":"unauthorized_http_exception"}`},
		{"StreamSkill with a wrong token", "/streamskill/tarifs/1", []string{"Authorization", "Bearer nope"}, 401, `{"name":"Unauthorized","message":"Your request was made with invalid credentials.","code":0,"status":401,"type":"unauthorized_http_exception"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts.URL+tt.path, tt.headers...)
			if r.status != tt.status {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.status, r.body)
			}
			assertJSONEqual(t, r.body, tt.want)
		})
	}
}

func TestOnepinListIsPublicButRejectsAWrongToken(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	url := ts.URL + "/onepin/api/v1/billing/plans"
	if r := get(t, url); r.status != http.StatusOK {
		t.Fatalf("anonymous list: status %d", r.status)
	}
	if r := get(t, url, onepinAuth...); r.status != http.StatusOK {
		t.Fatalf("list with the key: status %d", r.status)
	}
	r := get(t, url, "Authorization", "Bearer nope")
	if r.status != http.StatusUnauthorized {
		t.Fatalf("wrong token: status %d", r.status)
	}
	m := r.json(t)
	e := as[map[string]any](t, m["error"])
	if e["code"] != "unauthorized" || e["message"] != "Invalid or expired token" || len(as[[]any](t, e["details"])) != 0 {
		t.Errorf("unexpected error object: %s", r.body)
	}
	meta := as[map[string]any](t, m["meta"])
	if meta["request_id"] == "" || meta["timestamp"] == "" {
		t.Errorf("meta is incomplete: %s", r.body)
	}
}

func TestValidationErrorsUseEachVendorsShape(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	tests := []struct {
		name    string
		path    string
		headers []string
		status  int
		want    string // exact JSON, or "" to check only the status
	}{
		{"identifAI rejects an unknown order", "/identifai/api/partner/pricings?order=price", identifaiAuth, 422,
			`{"message":"The selected order is invalid.","errors":{"order":["The selected order is invalid."]}}`},
		{"identifAI rejects an unknown direction", "/identifai/api/partner/pricings?direction=up", identifaiAuth, 422,
			`{"message":"The selected direction is invalid.","errors":{"direction":["The selected direction is invalid."]}}`},
		{"identifAI rejects per_page above 1000", "/identifai/api/partner/pricings?per_page=1001", identifaiAuth, 422,
			`{"message":"The per page field must be between 1 and 1000.","errors":{"per_page":["The per page field must be between 1 and 1000."]}}`},
		{"identifAI rejects a non-integer per_page", "/identifai/api/partner/pricings?per_page=ten", identifaiAuth, 422,
			`{"message":"The per page field must be an integer.","errors":{"per_page":["The per page field must be an integer."]}}`},
		{"identifAI counts further errors in the message", "/identifai/api/partner/pricings?order=x&direction=y", identifaiAuth, 422,
			`{"message":"The selected order is invalid. (and 1 more error)","errors":{"order":["The selected order is invalid."],"direction":["The selected direction is invalid."]}}`},
		{"Paygentic rejects limit above 100", "/paygentic/v0/plans?limit=101", paygenticAuth, 400,
			`{"error":"validation_error","message":"Invalid query parameters","errors":[{"field":"limit","message":"must be between 1 and 100","code":"too_big"}]}`},
		{"Paygentic rejects limit 0", "/paygentic/v0/plans?limit=0", paygenticAuth, 400,
			`{"error":"validation_error","message":"Invalid query parameters","errors":[{"field":"limit","message":"must be between 1 and 100","code":"too_small"}]}`},
		{"Paygentic rejects a negative offset", "/paygentic/v0/plans?offset=-1", paygenticAuth, 400,
			`{"error":"validation_error","message":"Invalid query parameters","errors":[{"field":"offset","message":"must be greater than or equal to 0","code":"too_small"}]}`},
		{"Paygentic rejects a merchant id without org_", "/paygentic/v0/plans?merchantId=acme", paygenticAuth, 400,
			`{"error":"validation_error","message":"Invalid query parameters","errors":[{"field":"merchantId","message":"must match pattern ^org_","code":"invalid_string"}]}`},
		{"Paygentic rejects a product id without prod_", "/paygentic/v0/plans?productId=p1", paygenticAuth, 400,
			`{"error":"validation_error","message":"Invalid query parameters","errors":[{"field":"productId","message":"must match pattern ^prod_","code":"invalid_string"}]}`},
		{"Paygentic answers 404 for an unknown plan", "/paygentic/v0/plans/plan_missing", paygenticAuth, 404,
			`{"error":"not_found","message":"Plan not found: plan_missing","code":"not_found","details":null}`},
		{"Probely rejects length above 100", "/probely/plans/?length=101", probelyAuth, 400,
			`{"length":["Ensure this value is less than or equal to 100."]}`},
		{"Probely answers 404 beyond the last page", "/probely/plans/?page=99", probelyAuth, 404, `{"detail":"Invalid page."}`},
		{"OnePin rejects limit above 100", "/onepin/api/v1/billing/plans?limit=101", nil, 422, ""},
		{"OnePin rejects a malformed workspace id", "/onepin/api/v1/billing/plans", []string{"X-Workspace-Id", "acme"}, 422,
			`{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`},
		{"StreamSkill answers 404 for an unknown tariff", "/streamskill/tarifs/999", streamskillAuth, 404,
			`{"name":"Not Found","message":"Object not found: 999","code":0,"status":404,"type":"tarif_not_found_exception"}`},
		{"StreamSkill answers 404 for tariff 0", "/streamskill/tarifs/0", streamskillAuth, 404,
			`{"name":"Not Found","message":"Object not found: 0","code":0,"status":404,"type":"tarif_not_found_exception"}`},
		{"StreamSkill answers 404 for a non-integer id", "/streamskill/tarifs/abc", streamskillAuth, 404,
			`{"name":"Not Found","message":"Page not found.","code":0,"status":404,"type":"not_found_http_exception"}`},
		{"StreamSkill answers 404 for a negative id", "/streamskill/tarifs/-1", streamskillAuth, 404,
			`{"name":"Not Found","message":"Page not found.","code":0,"status":404,"type":"not_found_http_exception"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts.URL+tt.path, tt.headers...)
			if r.status != tt.status {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.status, r.body)
			}
			if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
				t.Errorf("Content-Type = %q", r.header.Get("Content-Type"))
			}
			if tt.want != "" {
				assertJSONEqual(t, r.body, tt.want)
			}
		})
	}
}

func TestOnepinValidationErrorNamesTheField(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	r := get(t, ts.URL+"/onepin/api/v1/billing/plans?limit=0")
	e := as[map[string]any](t, r.json(t)["error"])
	details := as[[]any](t, e["details"])
	if r.status != 422 || e["code"] != "validation_error" || len(details) != 1 || as[map[string]any](t, details[0])["field"] != "limit" {
		t.Fatalf("unexpected validation error %d: %s", r.status, r.body)
	}
}

// --- Paygentic ---------------------------------------------------------------

type paygenticList struct {
	Data       []paygenticsandbox.Plan
	Pagination struct{ Limit, Offset, Total int }
}

func walkPaygentic(t *testing.T, base, filter string) []paygenticsandbox.Plan {
	t.Helper()
	var plans []paygenticsandbox.Plan
	for offset := 0; ; offset += 100 {
		r := get(t, base+"/paygentic/v0/plans?limit=100&offset="+strconv.Itoa(offset)+filter, paygenticAuth...)
		if r.status != http.StatusOK {
			t.Fatalf("offset %d: status %d: %s", offset, r.status, r.body)
		}
		var page paygenticList
		if err := json.Unmarshal(r.body, &page); err != nil {
			t.Fatal(err)
		}
		if page.Pagination.Limit != 100 || page.Pagination.Offset != offset {
			t.Fatalf("pagination echoes %+v", page.Pagination)
		}
		plans = append(plans, page.Data...)
		if offset+100 >= page.Pagination.Total {
			if len(plans) != page.Pagination.Total {
				t.Fatalf("collected %d plans, total says %d", len(plans), page.Pagination.Total)
			}
			return plans
		}
	}
}

func TestPaygenticPagingByOffsetVisitsEveryPlanOnce(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	plans := walkPaygentic(t, ts.URL, "")
	if len(plans) != paygenticsandbox.DefaultPlans || paygenticsandbox.PlanCount(s, "", "") != paygenticsandbox.DefaultPlans {
		t.Fatalf("walked %d plans, want %d", len(plans), paygenticsandbox.DefaultPlans)
	}
	seen := map[string]bool{}
	for _, p := range plans {
		if seen[p.ID] || !strings.HasPrefix(p.ID, "plan_") {
			t.Fatalf("duplicate or malformed id %q", p.ID)
		}
		seen[p.ID] = true
	}
	if !reflect.DeepEqual(plans, paygenticsandbox.Plans(s)) {
		t.Error("listed plans differ from PaygenticPlans()")
	}
}

func TestPaygenticFiltersMatchTheirCounts(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	sum := 0
	for _, m := range paygenticsandbox.Merchants {
		plans := walkPaygentic(t, ts.URL, "&merchantId="+m)
		if len(plans) == 0 || len(plans) != paygenticsandbox.PlanCount(s, m, "") {
			t.Fatalf("merchant %s: %d plans, count says %d", m, len(plans), paygenticsandbox.PlanCount(s, m, ""))
		}
		for _, p := range plans {
			if p.MerchantID != m {
				t.Fatalf("merchant filter leaked plan of %s", p.MerchantID)
			}
		}
		sum += len(plans)
	}
	if sum != paygenticsandbox.DefaultPlans {
		t.Errorf("merchants hold %d plans in all, want %d", sum, paygenticsandbox.DefaultPlans)
	}
	both := walkPaygentic(t, ts.URL, "&merchantId="+paygenticsandbox.Merchants[0]+"&productId="+paygenticsandbox.Products[4])
	if len(both) == 0 || len(both) != paygenticsandbox.PlanCount(s, paygenticsandbox.Merchants[0], paygenticsandbox.Products[4]) {
		t.Errorf("merchant+product filter returned %d plans", len(both))
	}
	if n := len(walkPaygentic(t, ts.URL, "&merchantId=org_unknown")); n != 0 {
		t.Errorf("unknown merchant returned %d plans", n)
	}
}

func TestPaygenticFixtureCoversTheSchemaVariants(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	var noPrice, interval, extra, multiPrice, noUnitAmount int
	models, cadences := map[string]bool{}, map[string]bool{}
	for _, p := range paygenticsandbox.Plans(s) {
		if p.Price == "" {
			noPrice++
		}
		if p.BillingInterval != "" {
			interval++
		}
		if p.Metadata != nil {
			extra++
		}
		if len(p.Prices) > 1 {
			multiPrice++
		}
		cadences[p.BillingCadence] = true
		for _, pr := range p.Prices {
			models[pr.Model] = true
			if pr.UnitAmount == "" {
				noUnitAmount++
			}
			if pr.PaymentTerm != "in_arrears" && pr.PaymentTerm != "in_advance" {
				t.Fatalf("plan %s has paymentTerm %q", p.ID, pr.PaymentTerm)
			}
		}
	}
	for name, n := range map[string]int{"without price": noPrice, "with billingInterval": interval, "with unknown fields": extra, "with several prices": multiPrice, "prices without unitAmount": noUnitAmount} {
		if n == 0 || n == paygenticsandbox.DefaultPlans {
			t.Errorf("plans %s: %d, want some but not all", name, n)
		}
	}
	if len(models) != 4 || len(cadences) != 3 {
		t.Errorf("models %v cadences %v, want all four and all three", models, cadences)
	}
}

func TestPaygenticServesKnownPlansByID(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	tests := []struct{ id, price, name string }{
		{paygenticsandbox.BasicPlanID, "49990000000", "Basic Tier"},
		{paygenticsandbox.BusinessPlanID, "199000000000", "Business Package"},
		{paygenticsandbox.SubCentPlanID, "4990000", ""},
	}
	for _, tt := range tests {
		r := get(t, ts.URL+"/paygentic/v0/plans/"+tt.id, paygenticAuth...)
		var p map[string]any
		if err := json.Unmarshal(r.body, &p); err != nil || r.status != 200 {
			t.Fatalf("%s: %d %v", tt.id, r.status, err)
		}
		if p["id"] != tt.id || p["price"] != tt.price || (tt.name != "" && p["name"] != tt.name) {
			t.Errorf("%s: got %s", tt.id, r.body)
		}
	}
	r := get(t, ts.URL+"/paygentic/v0/plans/"+paygenticsandbox.BasicPlanID, paygenticAuth...)
	if rate := r.json(t)["defaultTaxRate"]; rate != 8.5 {
		t.Errorf("defaultTaxRate = %v, want 8.5", rate)
	}
}

func TestPaygenticTenThousandPlansServeTheLastPageQuickly(t *testing.T) {
	s, ts := start(t, sandbox.Options{Vendor: paygenticsandbox.WithPlans(10_000)})
	if n := paygenticsandbox.PlanCount(s, "", ""); n != 10_000 {
		t.Fatalf("count = %d", n)
	}
	r := get(t, ts.URL+"/paygentic/v0/plans?limit=100&offset=9950", paygenticAuth...)
	var page paygenticList
	if err := json.Unmarshal(r.body, &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 50 || page.Pagination.Total != 10_000 {
		t.Fatalf("got %d plans of %d", len(page.Data), page.Pagination.Total)
	}
	// Quickly: the last page of 10,000 plans costs what the last page of
	// 200 does, so serving it does not walk or build the whole catalog.
	// (Not parallel: the figures are the whole process's.)
	large, small := servePageCost(10_000), servePageCost(200)
	if large.allocs > small.allocs+10 || large.bytes > 2*small.bytes {
		t.Errorf("the last page of 10,000 plans took %d allocations of %d bytes, of 200 plans %d of %d: the cost grows with the catalog",
			large.allocs, large.bytes, small.allocs, small.bytes)
	}
}

type cost struct{ allocs, bytes uint64 }

// servePageCost is what serving the last 50 of plans Paygentic plans
// allocates, on average over a few requests.
func servePageCost(plans int) cost {
	const runs = 5
	s := sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(plans)})
	req := httptest.NewRequest(http.MethodGet, "/paygentic/v0/plans?limit=100&offset="+strconv.Itoa(plans-50), nil)
	req.Header.Set("Authorization", "Bearer "+paygenticsandbox.Key)
	s.ServeHTTP(httptest.NewRecorder(), req) // warm up
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		s.ServeHTTP(httptest.NewRecorder(), req)
	}
	runtime.ReadMemStats(&after)
	return cost{(after.Mallocs - before.Mallocs) / runs, (after.TotalAlloc - before.TotalAlloc) / runs}
}

// --- Probely -----------------------------------------------------------------

func TestProbelyPagingByPageTotalVisitsEveryPlanOnce(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	var ids []string
	scanKeys := map[string]int{}
	for page := 1; ; page++ {
		r := get(t, ts.URL+"/probely/plans/?length=7&page="+strconv.Itoa(page), probelyAuth...)
		if r.status != 200 {
			t.Fatalf("page %d: %d %s", page, r.status, r.body)
		}
		var body struct {
			Count     int              `json:"count"`
			PageTotal int              `json:"page_total"`
			Page      int              `json:"page"`
			Length    int              `json:"length"`
			Results   []map[string]any `json:"results"`
		}
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatal(err)
		}
		if body.Page != page || body.Length != 7 || body.Count != len(probelysandbox.Plans(s)) {
			t.Fatalf("page %d: %+v", page, body)
		}
		for _, p := range body.Results {
			ids = append(ids, as[string](t, p["id"]))
			for _, k := range []string{"allowed_scan_profiles", "allowed_builtin_scan_profiles"} {
				if _, ok := p[k]; ok {
					scanKeys[k]++
				}
			}
		}
		if page >= body.PageTotal {
			break
		}
	}
	n := len(probelysandbox.Plans(s))
	if len(ids) != n || n < 25 {
		t.Fatalf("visited %d of %d plans", len(ids), n)
	}
	if unique := slices.Compact(slices.Sorted(slices.Values(ids))); len(unique) != n {
		t.Error("plan ids repeat")
	}
	if scanKeys["allowed_scan_profiles"]+scanKeys["allowed_builtin_scan_profiles"] != n ||
		scanKeys["allowed_scan_profiles"] < n/3 || scanKeys["allowed_builtin_scan_profiles"] < n/3 {
		t.Errorf("scan-profile keys split %v, want about half each", scanKeys)
	}
}

func TestProbelyFixtureCoversTheSchemaVariants(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	var noPrice, tiered, nullTiers, packs, emptyPacks int
	currencies, models := map[string]bool{}, map[string]bool{}
	for _, p := range probelysandbox.Plans(s) {
		currencies[p.CurrencyCode] = true
		models[p.ChargeModel] = true
		if p.Price == nil {
			noPrice++
		}
		switch {
		case string(p.Tiers) == "null":
			nullTiers++
		case len(p.Tiers) > 0:
			tiered++
		}
		if len(p.AllowedCreditsPacks) > 0 {
			packs++
		} else {
			emptyPacks++
		}
	}
	// Three currencies and four charge models, and the recorded shape's
	// empty strings for both.
	if len(currencies) != 4 || !currencies[""] || len(models) != 5 || !models[""] || noPrice == 0 || tiered == 0 || nullTiers == 0 || packs == 0 || emptyPacks == 0 {
		t.Errorf("currencies %v models %v noPrice %d tiered %d null %d packs %d empty %d",
			currencies, models, noPrice, tiered, nullTiers, packs, emptyPacks)
	}
}

func TestProbelyRedirectsAPathWithoutTheTrailingSlash(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	r := get(t, ts.URL+"/probely/plans?page=2", probelyAuth...)
	if r.status != http.StatusMovedPermanently || r.header.Get("Location") != "/probely/plans/?page=2" {
		t.Fatalf("status %d Location %q", r.status, r.header.Get("Location"))
	}
}

// --- OnePin ------------------------------------------------------------------

func TestOnepinPagingByNextLinksVisitsEveryPlanOnce(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	next := ts.URL + "/onepin/api/v1/billing/plans?limit=4"
	names := map[string]bool{}
	for page := 1; next != ""; page++ {
		r := get(t, next, onepinAuth[0], onepinAuth[1], "X-Workspace-Id", "ws_team42")
		if r.status != 200 {
			t.Fatalf("page %d: %d %s", page, r.status, r.body)
		}
		var body struct {
			Data       []onepinsandbox.Plan
			Pagination struct {
				Limit      int
				Next, Prev *string
			}
		}
		if err := json.Unmarshal(r.body, &body); err != nil {
			t.Fatal(err)
		}
		for _, p := range body.Data {
			if names[p.Name] {
				t.Fatalf("name %q repeats", p.Name)
			}
			names[p.Name] = true
		}
		link := func(p int) string {
			return ts.URL + "/onepin/api/v1/billing/plans?page=" + strconv.Itoa(p) + "&limit=4"
		}
		if page == 1 && body.Pagination.Prev != nil || page > 1 && (body.Pagination.Prev == nil || *body.Pagination.Prev != link(page-1)) {
			t.Fatalf("page %d: prev = %v", page, body.Pagination.Prev)
		}
		next = ""
		if body.Pagination.Next != nil {
			next = *body.Pagination.Next
			if next != link(page+1) {
				t.Fatalf("next = %q, want %q", next, link(page+1))
			}
		}
	}
	if len(names) != len(onepinsandbox.Plans(s)) || len(names) < 20 {
		t.Fatalf("visited %d of %d plans", len(names), len(onepinsandbox.Plans(s)))
	}
	if got := s.LastHeader(onepinsandbox.Name, "X-Workspace-Id"); got != "ws_team42" {
		t.Errorf("LastHeader(X-Workspace-Id) = %q", got)
	}
}

func TestOnepinFixtureMixesIntegerAndUnlimitedLimits(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	var unlimited, integer, extraKey int
	tiers := map[string]bool{}
	for _, p := range onepinsandbox.Plans(s) {
		tiers[p.Tier] = true
		for k, v := range p.Limits {
			switch v {
			case "unlimited":
				unlimited++
			default:
				if _, ok := v.(int); ok {
					integer++
				}
			}
			if k != "projects" && k != "users" && k != "storage_gb" {
				extraKey++
			}
		}
	}
	if unlimited == 0 || integer == 0 || extraKey == 0 || len(tiers) != 3 {
		t.Errorf("unlimited %d integer %d extra keys %d tiers %v", unlimited, integer, extraKey, tiers)
	}
}

// --- StreamSkill -------------------------------------------------------------

func TestStreamskillServesEveryTariffInEnglishAndRussian(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	tariffs := streamskillsandbox.Tariffs(s)
	if len(tariffs) < 12 {
		t.Fatalf("%d tariffs, want 12", len(tariffs))
	}
	for _, tariff := range tariffs {
		for _, lang := range []string{"en", "ru"} {
			r := get(t, ts.URL+"/streamskill/tarifs/"+strconv.Itoa(tariff.ID), streamskillAuth[0], streamskillAuth[1], "Accept-Language", lang)
			m := r.json(t)
			if r.status != 200 || m["title"] != tariff.Title[lang] || m["id"] != float64(tariff.ID) {
				t.Fatalf("tariff %d in %s: %d %s", tariff.ID, lang, r.status, r.body)
			}
			if _, ok := m["panel"]; ok {
				t.Errorf("tariff %d has panel without expand=panel", tariff.ID)
			}
			_, hasDiscounts := m["discounts"]
			if hasDiscounts != (tariff.Discounts != nil) {
				t.Errorf("tariff %d: discounts key present = %v", tariff.ID, hasDiscounts)
			}
			for _, h := range []string{"X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"} {
				if r.header.Get(h) == "" {
					t.Errorf("tariff %d: missing %s", tariff.ID, h)
				}
			}
		}
	}
}

func TestStreamskillFixedTariffsHaveTheirDocumentedShapes(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	tests := []struct {
		id   int
		want string
	}{
		{streamskillsandbox.TariffVolumeDiscounts, `{"id":1,"title":"Twitch Followers","text":["Real-looking followers","Delivery within 24 hours"],"count":100,"price":50,"type":"twitch_followers","hourly":false,"pricing_type":"standard","graduated_prices":null,"discounts":{"1":0,"500":10,"1000":20},"link":{"prefix":"https://www.twitch.tv/","placeholder":"twitch"},"panel":true}`},
		{streamskillsandbox.TariffGraduated, `{"id":3,"title":"AI Chatbot","text":["Up to 350 chatbots","AI-powered chat"],"count":{"min":10,"max":350},"price":135,"type":"ai_chatbots","hourly":true,"pricing_type":"graduated","graduated_prices":{"0":135,"101":180,"201":270},"discounts":{},"link":{"prefix":"https://www.twitch.tv/","placeholder":"twitch"},"panel":true}`},
		{streamskillsandbox.TariffFractional, `{"id":7,"title":"Twitch Clip Views","text":["Views on a clip","Priced per single view"],"count":1,"price":0.1,"type":"twitch_clip_views","hourly":false,"pricing_type":"standard","graduated_prices":null,"discounts":{"1":0,"10000":15},"link":{"prefix":"https://www.twitch.tv/","placeholder":"twitch"},"panel":false}`},
		{streamskillsandbox.TariffNoLink, `{"id":9,"title":"Stream Overlay Setup","text":["A designer sets up your overlay","No channel link needed"],"count":1,"price":199.99,"type":"services","hourly":false,"pricing_type":"standard","graduated_prices":null,"discounts":{"1":0},"panel":false}`},
	}
	for _, tt := range tests {
		r := get(t, ts.URL+"/streamskill/tarifs/"+strconv.Itoa(tt.id)+"?expand=panel", streamskillAuth...)
		assertJSONEqual(t, r.body, tt.want)
	}
	r := get(t, ts.URL+"/streamskill/tarifs/3", streamskillAuth[0], streamskillAuth[1], "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8")
	if r.json(t)["title"] != "ИИ-чатбот" || r.header.Get("Content-Type") != "application/json; charset=UTF-8" {
		t.Errorf("Russian tariff 3: %s (%s)", r.body, r.header.Get("Content-Type"))
	}
}

// --- faults ------------------------------------------------------------------

func TestInjectedFaultsAreConsumedInOrderWithVendorBodies(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	s.InjectFaults(identifaisandbox.Name,
		sandbox.Fault{Status: 503},
		sandbox.Fault{Status: 429, RetryAfter: "2"},
		sandbox.Fault{Status: 500},
	)
	url := ts.URL + "/identifai/api/partner/pricings"
	want := []struct {
		status     int
		retryAfter string
		body       string
	}{
		{503, "", `{"message":"Service Unavailable"}`},
		{429, "2", `{"message":"Too Many Attempts."}`},
		{500, "", `{"message":"Server Error"}`},
		{200, "", ""},
	}
	for i, w := range want {
		r := get(t, url, identifaiAuth...)
		if r.status != w.status || r.header.Get("Retry-After") != w.retryAfter {
			t.Fatalf("request %d: status %d Retry-After %q, want %d %q", i+1, r.status, r.header.Get("Retry-After"), w.status, w.retryAfter)
		}
		if w.body != "" {
			assertJSONEqual(t, r.body, w.body)
		}
	}
	if s.PendingFaults(identifaisandbox.Name) != 0 {
		t.Error("faults remain queued")
	}
}

func TestFaultsWithMatchOnlyHitMatchingRequests(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	s.InjectFaults(paygenticsandbox.Name, sandbox.Fault{Status: 502, Match: "offset=200"})
	base := ts.URL + "/paygentic/v0/plans?limit=100&offset="
	if r := get(t, base+"0", paygenticAuth...); r.status != 200 {
		t.Fatalf("offset 0: %d", r.status)
	}
	if r := get(t, base+"100", paygenticAuth...); r.status != 200 {
		t.Fatalf("offset 100: %d", r.status)
	}
	r := get(t, base+"200", paygenticAuth...)
	if r.status != 502 || r.json(t)["code"] != "bad_gateway" {
		t.Fatalf("offset 200: %d %s", r.status, r.body)
	}
	if r := get(t, base+"200", paygenticAuth...); r.status != 200 {
		t.Fatalf("offset 200 again: %d (fault should be consumed)", r.status)
	}
}

func TestStickyFaultsNeverGoAway(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	s.InjectFaults(probelysandbox.Name, sandbox.Fault{Status: 500, Sticky: true, Match: "page=2"})
	for range 3 {
		r := get(t, ts.URL+"/probely/plans/?page=2", probelyAuth...)
		if r.status != 500 {
			t.Fatalf("status %d", r.status)
		}
		assertJSONEqual(t, r.body, `{"detail":"Unexpected error while handling your request."}`)
	}
	if r := get(t, ts.URL+"/probely/plans/?page=1", probelyAuth...); r.status != 200 {
		t.Fatalf("page 1 status %d", r.status)
	}
	if s.PendingFaults(probelysandbox.Name) != 1 {
		t.Error("sticky fault was consumed")
	}
}

func TestStreamskillFaultsKeepItsRateLimitHeaders(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	s.InjectFaults(streamskillsandbox.Name, sandbox.Fault{Status: 429, RateLimitReset: "3"})
	r := get(t, ts.URL+"/streamskill/tarifs/1", streamskillAuth...)
	if r.status != 429 || r.header.Get("X-Rate-Limit-Reset") != "3" || r.header.Get("X-Rate-Limit-Remaining") != "0" || r.header.Get("Retry-After") != "" {
		t.Fatalf("status %d headers %v", r.status, r.header)
	}
	assertJSONEqual(t, r.body, `{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429,"type":"too_many_requests_http_exception"}`)
}

func TestEachFaultKindMisbehavesAsDescribed(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	url := ts.URL + "/onepin/api/v1/billing/plans"
	client := &http.Client{
		Timeout:       300 * time.Millisecond,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	fetch := func(f sandbox.Fault) (*http.Response, []byte, error) {
		s.InjectFaults(onepinsandbox.Name, f)
		resp, err := client.Get(url)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, 20<<20))
		return resp, body, err
	}

	t.Run("malformed JSON is a 200 that does not decode", func(t *testing.T) {
		resp, body, err := fetch(sandbox.Fault{Kind: sandbox.FaultMalformedJSON})
		if err != nil || resp.StatusCode != 200 || json.Valid(body) || len(body) == 0 {
			t.Fatalf("err %v status %v valid %v body %q", err, resp.StatusCode, json.Valid(body), body)
		}
	})
	t.Run("HTML 200 is an HTML page", func(t *testing.T) {
		resp, body, err := fetch(sandbox.Fault{Kind: sandbox.FaultHTML200})
		if err != nil || resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !bytes.Contains(body, []byte("<html")) {
			t.Fatalf("err %v resp %v body %q", err, resp, body)
		}
	})
	t.Run("empty body is a 200 with nothing in it", func(t *testing.T) {
		resp, body, err := fetch(sandbox.Fault{Kind: sandbox.FaultEmptyBody})
		if err != nil || resp.StatusCode != 200 || len(body) != 0 {
			t.Fatalf("err %v status %d body %q", err, resp.StatusCode, body)
		}
	})
	t.Run("dropped connection fails mid-body", func(t *testing.T) {
		_, _, err := fetch(sandbox.Fault{Kind: sandbox.FaultDropConnection})
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("err = %v, want unexpected EOF", err)
		}
	})
	t.Run("hang never answers", func(t *testing.T) {
		_, _, err := fetch(sandbox.Fault{Kind: sandbox.FaultHang})
		var nerr net.Error
		if !errors.As(err, &nerr) || !nerr.Timeout() {
			t.Fatalf("err = %v, want the client's timeout: the server never answered", err)
		}
	})
	t.Run("huge body streams far more than a sane response", func(t *testing.T) {
		s.InjectFaults(onepinsandbox.Name, sandbox.Fault{Kind: sandbox.FaultHugeBody})
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		n, err := io.Copy(io.Discard, io.LimitReader(resp.Body, 20<<20))
		if err != nil || n != 20<<20 || resp.StatusCode != 200 {
			t.Fatalf("read %d bytes, err %v, status %d", n, err, resp.StatusCode)
		}
	})
	t.Run("redirect points at the given location", func(t *testing.T) {
		resp, _, err := fetch(sandbox.Fault{Kind: sandbox.FaultRedirect, Location: "https://login.example.com/"})
		if err != nil || resp.StatusCode != 302 || resp.Header.Get("Location") != "https://login.example.com/" {
			t.Fatalf("err %v resp %v", err, resp)
		}
	})
	if s.PendingFaults(onepinsandbox.Name) != 0 {
		t.Errorf("%d faults left", s.PendingFaults(onepinsandbox.Name))
	}
}

func TestFaultRateIsDeterministicForASeedAndAlternates429And503(t *testing.T) {
	statuses := func() []int {
		_, ts := start(t, sandbox.Options{FaultRate: 0.3, Seed: 42})
		var out []int
		for range 200 {
			out = append(out, get(t, ts.URL+"/paygentic/v0/plans?limit=1", paygenticAuth...).status)
		}
		return out
	}
	a, b := statuses(), statuses()
	if !slices.Equal(a, b) {
		t.Fatal("two servers with the same seed faulted different requests")
	}
	var faults []int
	for _, st := range a {
		if st != 200 {
			faults = append(faults, st)
		}
	}
	if len(faults) < 30 || len(faults) > 90 {
		t.Fatalf("%d of 200 requests faulted at rate 0.3", len(faults))
	}
	for i, st := range faults {
		if want := []int{429, 503}[i%2]; st != want {
			t.Fatalf("fault %d is %d, want %d", i, st, want)
		}
	}
}

// --- counters and admin ------------------------------------------------------

func TestCountersSeeEveryVendorRequestIncludingFaults(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	s.InjectFaults(identifaisandbox.Name, sandbox.Fault{Status: 429, RetryAfter: "1"})
	url := ts.URL + "/identifai/api/partner/pricings"
	for i := 1; i <= 3; i++ {
		r := get(t, url, identifaiAuth...)
		if got := r.header.Get("X-Sandbox-Request-Count"); got != strconv.Itoa(i) {
			t.Fatalf("request %d: X-Sandbox-Request-Count = %q", i, got)
		}
	}
	get(t, url) // unauthenticated
	if s.Requests(identifaisandbox.Name) != 4 || s.Responses(identifaisandbox.Name, 200) != 2 ||
		s.Responses(identifaisandbox.Name, 429) != 1 || s.Responses(identifaisandbox.Name, 401) != 1 {
		t.Fatalf("requests %d, 200s %d, 429s %d, 401s %d", s.Requests(identifaisandbox.Name),
			s.Responses(identifaisandbox.Name, 200), s.Responses(identifaisandbox.Name, 429), s.Responses(identifaisandbox.Name, 401))
	}
	if s.Requests(paygenticsandbox.Name) != 0 {
		t.Error("paygentic counted identifAI traffic")
	}
	get(t, ts.URL+"/_sandbox/requests")
	if s.Requests(identifaisandbox.Name) != 4 {
		t.Error("admin requests were counted")
	}
	s.ResetCounts()
	if s.Requests(identifaisandbox.Name) != 0 || s.Responses(identifaisandbox.Name, 200) != 0 {
		t.Error("ResetCounts left counts behind")
	}
}

func TestCountersAreSafeUnderParallelRequests(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			resp, err := http.Get(ts.URL + "/onepin/api/v1/billing/plans")
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
	wg.Wait()
	if s.Requests(onepinsandbox.Name) != 50 || s.Responses(onepinsandbox.Name, 200) != 50 {
		t.Fatalf("requests %d, 200s %d", s.Requests(onepinsandbox.Name), s.Responses(onepinsandbox.Name, 200))
	}
}

func TestAdminEndpointsInjectFaultsReportCountsAndReset(t *testing.T) {
	s, ts := start(t, sandbox.Options{})
	post := func(path, body string) response {
		resp, err := http.Post(ts.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return response{resp.StatusCode, resp.Header, b}
	}
	if r := post("/_sandbox/faults?vendor=streamskill", `[{"status":503},{"kind":"empty_body","match":"tarifs/2"}]`); r.status != 200 {
		t.Fatalf("inject: %d %s", r.status, r.body)
	}
	if r := post("/_sandbox/faults?vendor=nobody", `[]`); r.status != 400 {
		t.Fatalf("unknown vendor: %d", r.status)
	}
	if r := post("/_sandbox/faults?vendor=probely", `[{"kind":"explode"}]`); r.status != 400 {
		t.Fatalf("unknown kind: %d", r.status)
	}
	if r := get(t, ts.URL+"/streamskill/tarifs/1", streamskillAuth...); r.status != 503 {
		t.Fatalf("first fault: %d", r.status)
	}
	if r := get(t, ts.URL+"/streamskill/tarifs/2", streamskillAuth...); r.status != 200 || len(r.body) != 0 {
		t.Fatalf("second fault: %d %q", r.status, r.body)
	}
	r := get(t, ts.URL+"/_sandbox/requests")
	var counts struct {
		Streamskill int                       `json:"streamskill"`
		Identifai   int                       `json:"identifai"`
		Responses   map[string]map[string]int `json:"responses"`
	}
	if err := json.Unmarshal(r.body, &counts); err != nil {
		t.Fatal(err)
	}
	if counts.Streamskill != 2 || counts.Identifai != 0 || counts.Responses["streamskill"]["503"] != 1 || counts.Responses["streamskill"]["200"] != 1 {
		t.Fatalf("counts: %s", r.body)
	}
	s.InjectFaults(paygenticsandbox.Name, sandbox.Fault{Status: 500})
	if r := post("/_sandbox/reset", ""); r.status != 200 {
		t.Fatalf("reset: %d", r.status)
	}
	if s.Requests(streamskillsandbox.Name) != 0 || s.PendingFaults(paygenticsandbox.Name) != 0 {
		t.Error("reset left state behind")
	}
}

// --- rate limits and latency -------------------------------------------------

func TestIdentifaiEnforcesTwoPerSecondAndSixtyPerMinute(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, ts := start(t, sandbox.Options{EnforceRateLimits: true, Now: clock.now})
	url := ts.URL + "/identifai/api/partner/pricings?per_page=1"

	for i := range 2 {
		if r := get(t, url, identifaiAuth...); r.status != 200 {
			t.Fatalf("request %d: %d", i+1, r.status)
		}
	}
	r := get(t, url, identifaiAuth...)
	if r.status != 429 || r.header.Get("Retry-After") != "1" {
		t.Fatalf("third request in a second: %d Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	assertJSONEqual(t, r.body, `{"message":"Too Many Attempts."}`)

	// Two per second for the rest of the minute reaches 60 at second 29.
	for sec := 1; sec < 30; sec++ {
		clock.advance(time.Second)
		for i := range 2 {
			if r := get(t, url, identifaiAuth...); r.status != 200 {
				t.Fatalf("second %d request %d: %d", sec, i+1, r.status)
			}
		}
	}
	clock.advance(time.Second)
	r = get(t, url, identifaiAuth...)
	if r.status != 429 || r.header.Get("Retry-After") != "30" {
		t.Fatalf("61st request in a minute: %d Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	clock.advance(30 * time.Second)
	if r := get(t, url, identifaiAuth...); r.status != 200 {
		t.Fatalf("after the minute window: %d", r.status)
	}
	if s.Responses(identifaisandbox.Name, 429) != 2 {
		t.Errorf("429s counted: %d", s.Responses(identifaisandbox.Name, 429))
	}
}

func TestStreamskillEnforcesItsTokenBucket(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	_, ts := start(t, sandbox.Options{EnforceRateLimits: true, Now: clock.now})
	url := ts.URL + "/streamskill/tarifs/1"

	for i := range 30 {
		r := get(t, url, streamskillAuth...)
		if r.status != 200 || r.header.Get("X-Rate-Limit-Remaining") != strconv.Itoa(29-i) {
			t.Fatalf("request %d: %d remaining %q", i+1, r.status, r.header.Get("X-Rate-Limit-Remaining"))
		}
	}
	r := get(t, url, streamskillAuth...)
	if r.status != 429 || r.header.Get("X-Rate-Limit-Limit") != "30" || r.header.Get("X-Rate-Limit-Remaining") != "0" ||
		r.header.Get("X-Rate-Limit-Reset") != "1" || r.header.Get("Retry-After") != "" {
		t.Fatalf("31st request: %d %v", r.status, r.header)
	}
	assertJSONEqual(t, r.body, `{"name":"Too Many Requests","message":"Rate limit exceeded.","code":0,"status":429,"type":"too_many_requests_http_exception"}`)
	clock.advance(500 * time.Millisecond) // 2/s refills one token
	if r := get(t, url, streamskillAuth...); r.status != 200 {
		t.Fatalf("after refill: %d", r.status)
	}

	// Without a token the bucket is 5 deep, and the answer is still 401 until it runs out.
	for i := range 5 {
		if r := get(t, url); r.status != 401 {
			t.Fatalf("anonymous %d: %d", i+1, r.status)
		}
	}
	if r := get(t, url); r.status != 429 || r.header.Get("X-Rate-Limit-Limit") != "5" {
		t.Fatalf("sixth anonymous request: %d limit %q", r.status, r.header.Get("X-Rate-Limit-Limit"))
	}
}

func TestRateLimitsAreOffByDefault(t *testing.T) {
	_, ts := start(t, sandbox.Options{})
	for i := range 40 {
		if r := get(t, ts.URL+"/identifai/api/partner/pricings?per_page=1", identifaiAuth...); r.status != 200 {
			t.Fatalf("request %d: %d", i+1, r.status)
		}
	}
}

func TestLatencyDelaysVendorsButNotAdminAndStopsWhenTheClientLeaves(t *testing.T) {
	s := sandbox.New(sandbox.Options{Latency: 150 * time.Millisecond})
	var waits []time.Duration
	sandbox.SetWait(s, func(_ context.Context, d time.Duration) bool { waits = append(waits, d); return true })
	serve := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	if rec := serve("/onepin/api/v1/billing/plans"); rec.Code != 200 || !slices.Equal(waits, []time.Duration{150 * time.Millisecond}) {
		t.Errorf("vendor request: status %d after waits %v, want 200 after [150ms]", rec.Code, waits)
	}
	if rec := serve("/_sandbox/requests"); rec.Code != 200 || len(waits) != 1 {
		t.Errorf("admin request: status %d, waits now %v, want no wait of its own", rec.Code, waits)
	}

	// An hour's latency and a client already gone: the handler returns
	// (else this test would hang), answering nothing.
	slow := sandbox.New(sandbox.Options{Latency: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/onepin/api/v1/billing/plans", nil)
	rec := httptest.NewRecorder()
	slow.ServeHTTP(rec, req)
	if rec.Body.Len() != 0 {
		t.Errorf("the handler answered %q to a client that left", rec.Body)
	}
	if slow.Requests(onepinsandbox.Name) != 1 || s.Requests(onepinsandbox.Name) != 1 {
		t.Error("request not counted")
	}
}

func BenchmarkPaygenticPageOfTenThousand(b *testing.B) {
	s := sandbox.New(sandbox.Options{Vendor: paygenticsandbox.WithPlans(10_000)})
	req := httptest.NewRequest(http.MethodGet, "/paygentic/v0/plans?limit=100&offset=5000", nil)
	req.Header.Set("Authorization", "Bearer "+paygenticsandbox.Key)
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}

func TestCloseReleasesAHangingRequestAsAConnectionError(t *testing.T) {
	s := sandbox.New(sandbox.Options{})
	hanging := make(chan struct{}, 1)
	sandbox.SetHanging(s, func() { hanging <- struct{}{} })
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.InjectFaults(identifaisandbox.Name, sandbox.Fault{Kind: sandbox.FaultHang})
	errc := make(chan error, 1)
	go func() {
		resp, err := http.Get(ts.URL + "/identifai/api/partner/pricings")
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	<-hanging
	s.Close()
	// Nothing else ends the hang for 10 minutes: only Close can release it.
	if err := <-errc; err == nil {
		t.Fatal("a released hang answered normally")
	}
}
