package acctest

import (
	"context"
	"os"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// ProviderFunctions skips a test on a CLI that cannot call provider-defined
// functions: Terraform before 1.8, OpenTofu before 1.7. The two number their
// releases apart, so the minimum follows the registry host make test names
// for OpenTofu (TF_ACC_PROVIDER_HOST).
var ProviderFunctions tfversion.TerraformVersionCheck = providerFunctionsCheck{}

type providerFunctionsCheck struct{}

func (providerFunctionsCheck) CheckTerraformVersion(ctx context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	minimum := tfversion.SkipBelow(tfversion.Version1_8_0)
	if os.Getenv("TF_ACC_PROVIDER_HOST") == OpenTofuHost {
		minimum = tfversion.SkipBelow(tfversion.Version1_7_0)
	}
	minimum.CheckTerraformVersion(ctx, req, resp)
}
