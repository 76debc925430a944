import { InsetText } from '@/components/govuk/inset-text'
import { WarningText } from '@/components/govuk/warning-text'
import { tokenPatternSource } from '@/lib/tokens/format'
import { Code, CodeBlock } from './code-block'

/** How to get a token, send it, and recognise one that has leaked. */
export function Authentication() {
  return (
    <>
      <h2 className="govuk-heading-m" id="authentication">
        Authentication
      </h2>
      <p className="govuk-body">
        Every request except the OpenAPI document needs a token, sent in the <Code>Authorization</Code> header:
      </p>
      <CodeBlock>{'Authorization: Bearer <token>'}</CodeBlock>
      <p className="govuk-body">
        Department for Education staff create an API client for your organisation in this service and send you its token. The token is shown only
        once, when it is created: store it in a secret store, not in code or documents. It works up to and including its expiry date (UK time), at
        most 12 months after it was made, and stops working at once if the client is revoked or deleted. Ask for a new API client before yours
        expires.
      </p>
      <h3 className="govuk-heading-s" id="token-expiry">
        When your token stops working
      </h3>
      <p className="govuk-body">
        Every response to a valid token has the header <Code>API-Token-Expires</Code> with the last day it works, for example{' '}
        <Code>API-Token-Expires: 2027-03-31</Code>. Check it in your monitoring so an expiry never surprises you.
      </p>
      <p className="govuk-body">
        If a token leaks, or you want to change it, we can regenerate it: you get a new token for the same API client, and the old one keeps working
        for a time we agree (up to 7 days, never past the expiry date) so you can switch without a gap. During that overlap{' '}
        <Code>GET /api/v1/info</Code> with the old token says when it stops, in <Code>token_stops_at</Code>.
      </p>
      <p className="govuk-body">
        A missing, malformed, unknown, expired or revoked token always gets the same answer: <Code>401 Unauthorized</Code> with the header{' '}
        <Code>{'WWW-Authenticate: Bearer realm="register", error="invalid_token"'}</Code>. For security, the response does not say which.
      </p>
      <h3 className="govuk-heading-s" id="token-format">
        Token format
      </h3>
      <p className="govuk-body">
        Tokens are 59 characters: <Code>rotp_live_</Code> (or <Code>rotp_test_</Code> outside production), then 43 random letters and digits, then a
        6-character checksum. Secret scanners can find leaked tokens with this regular expression:
      </p>
      <CodeBlock>{tokenPatternSource}</CodeBlock>
      <InsetText>
        The checksum lets us refuse a mistyped token without looking it up, and lets scanners ignore strings that only look like tokens.
      </InsetText>
      <WarningText text="If a token may have leaked, tell the Register of training providers team straight away so we can revoke it." />
    </>
  )
}
