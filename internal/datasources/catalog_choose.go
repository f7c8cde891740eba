package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// chooseSources picks the vendors a catalogue reads: those named in
// vendors, else every vendor it can read (a key, or a public list), and a
// vendor without a list only when its ids are given. Naming a vendor that
// cannot be read is an error, never a catalogue silently without it.
func (d *CatalogDataSource) chooseSources(_ context.Context, model *catalogModel, diags *diag.Diagnostics) []*catalogRead {
	if d.data == nil {
		diags.AddError("Provider not configured", "pricing_catalog was read before the provider was configured. This is a bug in the provider; please report it.")
		return nil
	}
	named, explicit := namedVendors(model.Vendors)
	var reads []*catalogRead
	for _, s := range d.sources {
		client := d.data.clients[s.Vendor]
		asked := named[s.Vendor.Name] || (s.ByIDs && model.TariffIDs != nil)
		switch {
		case explicit && !named[s.Vendor.Name]:
			if s.ByIDs && model.TariffIDs != nil {
				diags.AddAttributeError(path.Root(catalogIDsAttribute), "Tariff ids for a vendor left out",
					fmt.Sprintf("%s is set, but vendors does not include %q: add it to vendors, or remove %s.", catalogIDsAttribute, s.Vendor.Name, catalogIDsAttribute))
			}
			continue
		case s.ByIDs && model.TariffIDs == nil:
			if asked {
				diags.AddAttributeError(path.Root("vendors"), fmt.Sprintf("%s needs tariff ids", s.Vendor.Title),
					fmt.Sprintf("vendors includes %q, but %s has no list endpoint: set %s to the tariffs to include.", s.Vendor.Name, s.Vendor.Title, catalogIDsAttribute))
			}
			continue
		case !s.Vendor.KeyOptional && !client.HasAPIKey():
			if asked {
				diags.AddError(fmt.Sprintf("Missing %s API key", s.Vendor.Title),
					fmt.Sprintf("pricing_catalog was asked for %s, whose API needs a key. %s", s.Vendor.Title, d.data.keyHelp[s.Vendor]))
			}
			continue
		}
		reads = append(reads, &catalogRead{source: s, client: client, ids: int64s(model.TariffIDs)})
	}
	return reads
}

// namedVendors are the vendors argument as a set; explicit is false when
// it is unset.
func namedVendors(v types.Set) (map[string]bool, bool) {
	if v.IsNull() || v.IsUnknown() {
		return nil, false
	}
	named := map[string]bool{}
	for _, e := range v.Elements() {
		if s, ok := e.(types.String); ok {
			named[s.ValueString()] = true
		}
	}
	return named, true
}

func int64s(vs []types.Int64) []int64 {
	out := make([]int64, len(vs))
	for i, v := range vs {
		out[i] = v.ValueInt64()
	}
	return out
}

// nonNegativeNumber refuses a number below 0 at plan time.
type nonNegativeNumber struct{}

func (nonNegativeNumber) Description(context.Context) string { return "must be 0 or more" }

func (v nonNegativeNumber) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (nonNegativeNumber) ValidateNumber(_ context.Context, req validator.NumberRequest, resp *validator.NumberResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueBigFloat().Sign() >= 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid amount",
		fmt.Sprintf("%s is %s; it must be 0 or more (a monthly amount in the plan's currency).", req.Path, req.ConfigValue.ValueBigFloat().Text('g', -1)))
}
