import { z } from 'zod';

/** Every password the hub accepts (signup, ADMIN_PASSWORD) is at least this long. */
export const MIN_PASSWORD_LENGTH = 10;

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').email('Enter a valid email address'),
  password: z
    .string()
    .min(1, 'Enter your password')
    .min(MIN_PASSWORD_LENGTH, `Passwords are at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200, 'Passwords are at most 200 characters'),
});

export type LoginValues = z.infer<typeof loginSchema>;
