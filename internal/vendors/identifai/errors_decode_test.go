package identifai

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestIdentifaiErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	clienttest.CheckErrorBodies(t, decodeLaravelError, []clienttest.ErrorBody{
		{Name: "identifAI's Laravel 401", Body: `{"message":"Unauthenticated."}`, Want: httpapi.Message{Message: "Unauthenticated."}},
		{Name: "identifAI's Laravel validation", Body: `{"message":"The given data was invalid.","errors":{"per_page":["must be an integer."],"direction":["is invalid."]}}`,
			Want: httpapi.Message{Message: "The given data was invalid.", Fields: []httpapi.FieldError{{Field: "direction", Message: "is invalid."}, {Field: "per_page", Message: "must be an integer."}}}},
	})
}
