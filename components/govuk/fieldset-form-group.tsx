import type { ReactNode } from 'react'
import { ErrorMessage } from './error-message'
import type { ErrorMessageProps } from './error-message'
import { Fieldset } from './fieldset'
import type { FieldsetProps } from './fieldset'
import { Hint } from './hint'
import type { HintProps } from './hint'
import type { CommonOptions, Content } from './shared'
import { attrs, content, cx, describedBy as joinIds, hasContent } from './shared'

type Props = {
  id: string
  hint?: Omit<HintProps, 'id'> | false | null
  errorMessage?: Omit<ErrorMessageProps, 'id'> | false | null
  fieldset?: Omit<FieldsetProps, 'role' | 'html' | 'children'> | false | null
  /** role="group" on the fieldset (the date input uses it so JAWS announces the description). */
  role?: string
  formGroup?: CommonOptions & { beforeInputs?: Content; afterInputs?: Content }
  /** The element that holds the inputs; beforeInputs and afterInputs go inside it, around `children`. */
  container: (inputs: ReactNode) => ReactNode
  children: ReactNode
}

/**
 * The form group, optional fieldset, hint and error message that govuk-frontend's date input and radios
 * share, with the fieldset described by the hint and error message (`<id>-hint`, `<id>-error`).
 */
export function FieldsetFormGroup({ id, hint, errorMessage, fieldset, role, formGroup, container, children }: Props) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errorMessage ? `${id}-error` : undefined
  const before = formGroup?.beforeInputs
  const after = formGroup?.afterInputs
  const inner = (
    <>
      {hint ? <Hint {...hint} id={hintId} /> : null}
      {errorMessage ? <ErrorMessage {...errorMessage} id={errorId} /> : null}
      {container(
        <>
          {hasContent(before) ? content(before.html, before.text) : null}
          {children}
          {hasContent(after) ? content(after.html, after.text) : null}
        </>,
      )}
    </>
  )
  return (
    <div {...attrs(formGroup?.attributes)} className={cx('govuk-form-group', errorMessage && 'govuk-form-group--error', formGroup?.classes)}>
      {fieldset ? (
        <Fieldset
          describedBy={joinIds(fieldset.describedBy, hintId, errorId)}
          classes={fieldset.classes}
          role={role}
          attributes={fieldset.attributes}
          legend={fieldset.legend}
          html={inner}
        />
      ) : (
        inner
      )}
    </div>
  )
}
