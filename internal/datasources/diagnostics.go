package datasources

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi"
)

// addReadError turns a client error into one readable diagnostic, with a
// hint for what the user can do about a 401 or 403.
func (p *ProviderData) addReadError(diags *diag.Diagnostics, vendor, what string, err error) {
	summary := fmt.Sprintf("Unable to read %s", what)
	detail := err.Error()

	var apiErr *httpapi.APIError
	var pageErr *httpapi.PaginationError
	switch {
	case errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusForbidden):
		summary = fmt.Sprintf("%s rejected the API key", vendorTitle(vendor))
		detail += "\n\nCheck the key: " + p.KeyHelp[vendor]
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		summary = fmt.Sprintf("%s not found", what)
	case errors.As(err, &pageErr):
		summary = fmt.Sprintf("Incomplete or inconsistent %s listing", vendorTitle(vendor))
		detail += "\n\nThe provider never returns a partial list."
	}
	diags.AddError(summary, detail)
}
