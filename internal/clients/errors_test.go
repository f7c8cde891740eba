package clients

import (
	"reflect"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestVendorErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		decode func([]byte) httpapi.Message
		body   string
		want   httpapi.Message
	}{
		{"identifAI's Laravel 401", decodeLaravelError, `{"message":"Unauthenticated."}`, httpapi.Message{Message: "Unauthenticated."}},
		{"identifAI's Laravel validation", decodeLaravelError, `{"message":"The given data was invalid.","errors":{"per_page":["must be an integer."],"direction":["is invalid."]}}`,
			httpapi.Message{Message: "The given data was invalid.", Fields: []httpapi.FieldError{{Field: "direction", Message: "is invalid."}, {Field: "per_page", Message: "must be an integer."}}}},
		{"Paygentic's error", decodePaygenticError, `{"error":"not_found","message":"Plan not found","code":"not_found","details":null}`,
			httpapi.Message{Message: "Plan not found", Code: "not_found"}},
		{"Paygentic's validation error", decodePaygenticError, `{"error":"validation_error","message":"Invalid query","errors":[{"field":"limit","message":"must be between 1 and 100","code":"too_big"}]}`,
			httpapi.Message{Message: "Invalid query", Code: "validation_error", Fields: []httpapi.FieldError{{Field: "limit", Message: "must be between 1 and 100"}}}},
		{"Probely's detail", decodeDRFError, `{"detail":"Incorrect authentication credentials."}`, httpapi.Message{Message: "Incorrect authentication credentials."}},
		{"Probely's field errors", decodeDRFError, `{"length":["Ensure this value is less than or equal to 100."],"non_field_errors":["Bad request."]}`,
			httpapi.Message{Message: "Bad request.", Fields: []httpapi.FieldError{{Field: "length", Message: "Ensure this value is less than or equal to 100."}}}},
		{"OnePin's error envelope", decodeOnepinError, `{"error":{"code":"unauthorized","message":"Invalid or expired token","details":[{"field":"limit","message":"too big"}]},"meta":{}}`,
			httpapi.Message{Message: "Invalid or expired token", Code: "unauthorized", Fields: []httpapi.FieldError{{Field: "limit", Message: "too big"}}}},
		{"OnePin's FastAPI 422", decodeOnepinError, `{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`,
			httpapi.Message{Message: "validation failed", Fields: []httpapi.FieldError{{Field: "header.x-workspace-id", Message: "invalid workspace id"}}}},
		{"StreamSkill's error", decodeStreamskillError, `{"name":"Not Found","message":"Object not found: 999","code":0,"status":404,"type":"tarif_not_found_exception"}`,
			httpapi.Message{Message: "Object not found: 999", Code: "tarif_not_found_exception"}},
		{"a body that is not JSON", decodeStreamskillError, `<html>`, httpapi.Message{}},
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
