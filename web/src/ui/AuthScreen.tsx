import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldError } from './FieldError';

/** The signed-out screens' frame (log in, sign up, confirm): the brand, the screen's title, its content. */
export function AuthScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="login-screen">
      <div className="login-card card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark">⇄</span> Webhook Hub
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

interface AuthFieldProps {
  id: string;
  label: string;
  type?: 'email' | 'password' | 'text';
  autoComplete: string;
  error?: string;
  /** react-hook-form's `register(name)`. */
  registration: UseFormRegisterReturn;
}

/** One input of a signed-out form, its error under it and pointed at by aria-describedby. */
export function AuthField({ id, label, type = 'text', autoComplete, error, registration }: AuthFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...registration}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
