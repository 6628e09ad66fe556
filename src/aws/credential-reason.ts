// Why the credentials could not be loaded. The SDK's default chain tries every source in turn
// and ends with "Could not load credentials from any providers", hiding what went wrong with
// the profile's own source: a credential_process that failed, or returned credentials that
// have already expired. Asking the profile's provider alone (fromIni, the chain's own link for
// profiles) gives its reason.
import { fromIni } from "@aws-sdk/credential-provider-ini";

/** The profile's own error when the chain hid it; otherwise `err` itself. */
export async function credentialReason(err: unknown, profile: string | undefined): Promise<unknown> {
  if ((err as { name?: string } | null)?.name !== "CredentialsProviderError") return err;
  try {
    await fromIni(profile ? { profile } : {})();
    return err;
  } catch (reason) {
    return reason ?? err;
  }
}
