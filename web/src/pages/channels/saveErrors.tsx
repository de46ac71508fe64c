import { ApiError } from '../../api/client';
import { errorMessage } from '../../ui/PageStates';

export interface SaveProblem {
  message: string;
  others: string[];
}

/**
 * Puts each field of a 400 next to its input (`smtp.host` is the form's
 * `smtp_host`) through `place`, which says whether an input took it; returns
 * what to show above the buttons.
 */
export function placeSaveError(error: unknown, place: (field: string, message: string) => boolean): SaveProblem {
  const others: string[] = [];
  let placed = 0;
  if (error instanceof ApiError) {
    for (const detail of error.fieldErrors) {
      if (place(detail.field.replace(/\./g, '_'), detail.message)) placed += 1;
      else others.push(detail.message);
    }
  }
  return {
    message: placed > 0 ? 'Nothing was saved: fix the fields marked below.' : `Nothing was saved: ${errorMessage(error)}`,
    others,
  };
}

export function SaveProblemAlert({ problem }: { problem: SaveProblem | null }) {
  if (!problem) return null;
  return (
    <div className="form-error" role="alert">
      <p>{problem.message}</p>
      {problem.others.length > 0 && (
        <ul>
          {problem.others.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
