package clienttest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// ErrorBody is one error body a vendor sends and the message its decoder
// must read from it.
type ErrorBody struct {
	Name, Body string
	Want       httpapi.Message
}

// CheckErrorBodies asserts that decode reads each body as its Want.
func CheckErrorBodies(t *testing.T, decode func([]byte) httpapi.Message, tests []ErrorBody) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.Name+" is decoded", func(t *testing.T) {
			t.Parallel()
			if got := decode([]byte(tt.Body)); !reflect.DeepEqual(got, tt.Want) {
				t.Errorf("got %+v, want %+v", got, tt.Want)
			}
		})
	}
}

// AddErrorBodySeeds adds AddBodySeeds and every vendor's error shapes: each
// vendor's decoder must survive the others' bodies too.
func AddErrorBodySeeds(f *testing.F) {
	AddBodySeeds(f)
	for _, s := range []string{
		`{"message":"The given data was invalid.","errors":{"per_page":["The per page field must be an integer."]}}`,
		`{"error":"validation_error","message":"bad","code":400,"errors":[{"field":"limit","message":"too big"}]}`,
		`{"detail":"Invalid page."}`, `{"length":["Ensure this value is less than or equal to 100."],"non_field_errors":["x"]}`,
		`{"error":{"code":"not_found","message":"Not found","details":[{"field":"id","message":"unknown"}]}}`,
		`{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`,
		`{"name":"Not Found","message":"Tariff not found","code":0,"status":404,"type":"yii\\web\\NotFoundHttpException"}`,
	} {
		f.Add([]byte(s))
	}
}

// CheckErrorBodyFailsNamingTheStatus sends body back as a 404 through the
// whole request path of a layer that decodes errors with decode, without a
// network (a 404 is not retried), and asserts that the read fails with an
// error that names the status and survives the trip to Terraform.
func CheckErrorBodyFailsNamingTheStatus(t *testing.T, decode func([]byte) httpapi.Message, body []byte) {
	t.Helper()
	a, err := httpapi.New(httpapi.Config{
		BaseURL: FuzzBase, APIKey: Key, MaxRetries: 0,
		HTTPClient: &http.Client{Transport: &fixedResponse{status: http.StatusNotFound, body: body}},
	}, httpapi.Spec{Name: "fuzz", Authorize: bearer, DecodeError: decode})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = httpapi.One[struct{}, struct{}]{
		Op: "get plan", URL: a.Endpoint("/x", nil),
		Check: func(string, *url.URL, *struct{}) (struct{}, error) { return struct{}{}, nil },
	}.Read(a, "plan").Run(context.Background())
	if err == nil {
		t.Fatal("a 404 read without an error")
	}
	CheckErrorText(t, err)
	if !strings.Contains(err.Error(), "HTTP 404") {
		t.Fatalf("error %q does not name the status", err)
	}
}

// fixedResponse answers every request with status and body.
type fixedResponse struct {
	status int
	body   []byte
}

func (f *fixedResponse) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: f.status, Status: http.StatusText(f.status), Request: req,
		Header: http.Header{"Content-Type": {"application/json"}},
		Body:   io.NopCloser(bytes.NewReader(f.body)), ContentLength: int64(len(f.body)),
	}, nil
}
