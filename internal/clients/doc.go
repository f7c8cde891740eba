// Package clients holds one client per pricing vendor, each on the shared
// HTTP layer (internal/clients/httpapi), and the vendor registry (Vendors) the
// provider, its data sources and its documentation are derived from. It knows
// HTTP and the vendors' JSON and nothing of Terraform.
package clients
