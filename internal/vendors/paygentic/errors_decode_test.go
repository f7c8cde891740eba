package paygentic

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestPaygenticErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	clienttest.CheckErrorBodies(t, decodeError, []clienttest.ErrorBody{
		{Name: "Paygentic's error", Body: `{"error":"not_found","message":"Plan not found","code":"not_found","details":null}`,
			Want: httpapi.Message{Message: "Plan not found", Code: "not_found"}},
		{Name: "Paygentic's validation error", Body: `{"error":"validation_error","message":"Invalid query","errors":[{"field":"limit","message":"must be between 1 and 100","code":"too_big"}]}`,
			Want: httpapi.Message{Message: "Invalid query", Code: "validation_error", Fields: []httpapi.FieldError{{Field: "limit", Message: "must be between 1 and 100"}}}},
	})
}
