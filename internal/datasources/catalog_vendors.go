package datasources

// CatalogVendorNames names the vendors pricing_catalog reads, in the
// registry's order; the provider's conformance test holds it to the registry.
func CatalogVendorNames() []string {
	return catalogVendorNames()
}
