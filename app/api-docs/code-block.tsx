import styles from './code-block.module.css'

/** A block of code or JSON; the sentence before it says what it shows. */
export function CodeBlock({ children }: { children: string }) {
  return (
    <pre className={styles.codeBlock}>
      <code>{children}</code>
    </pre>
  )
}

/** Code inside a sentence: a header, a parameter, a value. */
export function Code({ children }: { children: string }) {
  return <code className={styles.code}>{children}</code>
}
