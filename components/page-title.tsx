export const serviceName = 'Register of training providers'

/**
 * The document title, `X - Register of training providers - GOV.UK`, prefixed `Error: ` when the page
 * shows validation errors. React 19 hoists it into <head>, so forms can change it after a submission.
 */
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  return <title>{`${hasErrors ? 'Error: ' : ''}${title} - ${serviceName} - GOV.UK`}</title>
}
