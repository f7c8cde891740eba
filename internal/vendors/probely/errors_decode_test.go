package probely

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestProbelyErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	clienttest.CheckErrorBodies(t, decodeDRFError, []clienttest.ErrorBody{
		{Name: "Probely's detail", Body: `{"detail":"Incorrect authentication credentials."}`, Want: httpapi.Message{Message: "Incorrect authentication credentials."}},
		{Name: "Probely's field errors", Body: `{"length":["Ensure this value is less than or equal to 100."],"non_field_errors":["Bad request."]}`,
			Want: httpapi.Message{Message: "Bad request.", Fields: []httpapi.FieldError{{Field: "length", Message: "Ensure this value is less than or equal to 100."}}}},
	})
}
