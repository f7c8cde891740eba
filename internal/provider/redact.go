package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Every text that leaves the provider for Terraform passes through here: a
// vendor may echo a key back in any field of any body, header or link, and
// wherever the provider quotes it, the diagnostic is scrubbed on its way
// out. Log lines written while serving a request are masked through the
// context the same way.

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	ctx = s.provider.secrets.MaskLogs(ctx)
	resp, err := s.readDataSource(ctx, req)
	if resp != nil {
		s.scrub(resp.Diagnostics)
	}
	return resp, err
}

func (s *server) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	resp, err := s.ProviderServer.ConfigureProvider(ctx, req)
	if resp != nil {
		s.scrub(resp.Diagnostics)
	}
	return resp, err
}

func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	ctx = s.provider.secrets.MaskLogs(ctx)
	resp, err := s.ProviderServer.CallFunction(ctx, req)
	if resp != nil && resp.Error != nil {
		resp.Error.Text = s.provider.secrets.Scrub(resp.Error.Text)
	}
	return resp, err
}

func (s *server) scrub(diags []*tfprotov6.Diagnostic) {
	for _, d := range diags {
		d.Summary = s.provider.secrets.Scrub(d.Summary)
		d.Detail = s.provider.secrets.Scrub(d.Detail)
	}
}
