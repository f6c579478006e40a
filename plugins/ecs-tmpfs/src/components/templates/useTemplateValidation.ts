import { useApi } from '@backstage/core-plugin-api';
import type {
  Finding,
  TmpfsTemplateInput,
} from '@internal/plugin-ecs-tmpfs-common';
import { useEffect, useState } from 'react';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage, findingsOfError } from '../../api/EcsTmpfsClient';

export const VALIDATE_DEBOUNCE_MS = 400;

export interface TemplateValidation {
  validating: boolean;
  valid?: boolean;
  findings: Finding[];
  /** the validation request itself failed (network, 5xx) */
  error?: Error;
}

/** `POST /validate` with the template as the user types, debounced; stale answers are dropped. */
export function useTemplateValidation(
  input: TmpfsTemplateInput,
): TemplateValidation {
  const api = useApi(ecsTmpfsApiRef);
  const key = JSON.stringify(input);
  const [state, setState] = useState<TemplateValidation>({
    validating: false,
    findings: [],
  });
  useEffect(() => {
    let cancelled = false;
    setState(s => ({ ...s, validating: true }));
    const timer = setTimeout(() => {
      api
        .validate({ template: JSON.parse(key) })
        .then(response => {
          if (!cancelled) {
            setState({
              validating: false,
              valid: response.valid,
              findings: response.findings,
            });
          }
        })
        .catch((error: Error) => {
          if (cancelled) return;
          // a 400 on a malformed template still carries the findings that name the field
          const findings = findingsOfError(error);
          setState(
            findings
              ? { validating: false, valid: false, findings }
              : {
                  validating: false,
                  findings: [],
                  error: new Error(errorMessage(error)),
                },
          );
        });
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, key]);
  return state;
}
