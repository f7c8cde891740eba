package clients

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestVendorErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		decode func([]byte) vendorMessage
		body   string
		want   vendorMessage
	}{
		{"identifAI's Laravel 401", decodeLaravelError, `{"message":"Unauthenticated."}`, vendorMessage{Message: "Unauthenticated."}},
		{"identifAI's Laravel validation", decodeLaravelError, `{"message":"The given data was invalid.","errors":{"per_page":["must be an integer."],"direction":["is invalid."]}}`,
			vendorMessage{Message: "The given data was invalid.", Fields: []FieldError{{"direction", "is invalid."}, {"per_page", "must be an integer."}}}},
		{"Paygentic's error", decodePaygenticError, `{"error":"not_found","message":"Plan not found","code":"not_found","details":null}`,
			vendorMessage{Message: "Plan not found", Code: "not_found"}},
		{"Paygentic's validation error", decodePaygenticError, `{"error":"validation_error","message":"Invalid query","errors":[{"field":"limit","message":"must be between 1 and 100","code":"too_big"}]}`,
			vendorMessage{Message: "Invalid query", Code: "validation_error", Fields: []FieldError{{"limit", "must be between 1 and 100"}}}},
		{"Probely's detail", decodeDRFError, `{"detail":"Incorrect authentication credentials."}`, vendorMessage{Message: "Incorrect authentication credentials."}},
		{"Probely's field errors", decodeDRFError, `{"length":["Ensure this value is less than or equal to 100."],"non_field_errors":["Bad request."]}`,
			vendorMessage{Message: "Bad request.", Fields: []FieldError{{"length", "Ensure this value is less than or equal to 100."}}}},
		{"OnePin's error envelope", decodeOnepinError, `{"error":{"code":"unauthorized","message":"Invalid or expired token","details":[{"field":"limit","message":"too big"}]},"meta":{}}`,
			vendorMessage{Message: "Invalid or expired token", Code: "unauthorized", Fields: []FieldError{{"limit", "too big"}}}},
		{"OnePin's FastAPI 422", decodeOnepinError, `{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`,
			vendorMessage{Message: "validation failed", Fields: []FieldError{{"header.x-workspace-id", "invalid workspace id"}}}},
		{"StreamSkill's error", decodeStreamskillError, `{"name":"Not Found","message":"Object not found: 999","code":0,"status":404,"type":"tarif_not_found_exception"}`,
			vendorMessage{Message: "Object not found: 999", Code: "tarif_not_found_exception"}},
		{"a body that is not JSON", decodeStreamskillError, `<html>`, vendorMessage{}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is decoded", func(t *testing.T) {
			t.Parallel()
			if got := tt.decode([]byte(tt.body)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAPIErrorListsFieldsOnePerLine(t *testing.T) {
	t.Parallel()
	err := &APIError{Vendor: "paygentic", Operation: "list plans page 1", StatusCode: 400, Message: "Invalid query", Code: "validation_error",
		Fields: []FieldError{{"limit", "must be between 1 and 100"}, {"merchantId", "must match ^org_"}}}
	want := "paygentic: list plans page 1: HTTP 400 Bad Request: Invalid query (code validation_error)\n  - limit: must be between 1 and 100\n  - merchantId: must match ^org_"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err.Error(), want)
	}
}

func TestSnippetOfALongBodyStaysValidUTF8(t *testing.T) {
	t.Parallel()
	// A Cyrillic error page: two bytes a character, cut at 200 bytes, must
	// not end in half a character (gRPC refuses invalid UTF-8 strings, so
	// the diagnostic would be lost). Found by FuzzPaygenticPlan.
	for _, prefix := range []string{"", "x"} {
		got := snippet([]byte(prefix + strings.Repeat("ж", 150)))
		if !utf8.ValidString(got) || !strings.HasSuffix(got, "…") || len(got) > 200+len("…") {
			t.Errorf("snippet with prefix %q = %q, want at most 200 bytes of whole characters and an ellipsis", prefix, got)
		}
	}
}
