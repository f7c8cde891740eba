package onepin

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestOnepinErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	clienttest.CheckErrorBodies(t, decodeError, []clienttest.ErrorBody{
		{Name: "OnePin's error envelope", Body: `{"error":{"code":"unauthorized","message":"Invalid or expired token","details":[{"field":"limit","message":"too big"}]},"meta":{}}`,
			Want: httpapi.Message{Message: "Invalid or expired token", Code: "unauthorized", Fields: []httpapi.FieldError{{Field: "limit", Message: "too big"}}}},
		{Name: "OnePin's FastAPI 422", Body: `{"detail":[{"loc":["header","x-workspace-id"],"msg":"invalid workspace id","type":"value_error"}]}`,
			Want: httpapi.Message{Message: "validation failed", Fields: []httpapi.FieldError{{Field: "header.x-workspace-id", Message: "invalid workspace id"}}}},
	})
}
