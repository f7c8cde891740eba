package streamskill

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/clienttest"
	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

func TestStreamskillErrorBodiesAreRead(t *testing.T) {
	t.Parallel()
	clienttest.CheckErrorBodies(t, decodeError, []clienttest.ErrorBody{
		{Name: "StreamSkill's error", Body: `{"name":"Not Found","message":"Object not found: 999","code":0,"status":404,"type":"tarif_not_found_exception"}`,
			Want: httpapi.Message{Message: "Object not found: 999", Code: "tarif_not_found_exception"}},
		{Name: "a body that is not JSON", Body: `<html>`, Want: httpapi.Message{}},
	})
}
