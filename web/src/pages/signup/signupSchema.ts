import { z } from 'zod';
import { LIMITS } from '../../api/limits';

const { email, password, account_name } = LIMITS.SignupDto;

export const signupSchema = z.object({
  account_name: z
    .string()
    .trim()
    .min(1, 'Name your account (your company or team)')
    .max(account_name.maxLength, `Account names are at most ${account_name.maxLength} characters`),
  email: z.string().trim().min(1, 'Enter your email address').email('Enter a valid email address').max(email.maxLength, `Emails are at most ${email.maxLength} characters`),
  password: z
    .string()
    .min(1, 'Choose a password')
    .min(password.minLength, `Passwords are at least ${password.minLength} characters`)
    .max(password.maxLength, `Passwords are at most ${password.maxLength} characters`),
});

export type SignupValues = z.infer<typeof signupSchema>;
