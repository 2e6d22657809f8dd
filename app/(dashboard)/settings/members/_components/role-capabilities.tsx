import { Check, Minus } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can, capabilities, capabilityLabels, roleLabels, roles } from "@/lib/auth/permissions";

/** What each role may do, generated from the capability map the server enforces (lib/auth/permissions.ts). */
export function RoleCapabilities() {
  return (
    // Named by its heading and the table's caption, not aria-labelledby: "Role" must stay the role picker's label.
    <section className="mt-8">
      <h2 className="text-base font-semibold">
        What each role may do
      </h2>
      <p className="mt-1 mb-3 text-sm text-zinc-600">Checked by the server on every page and action, whatever the screen shows.</p>
      <Table>
        <caption className="sr-only">What each role may do</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Permission</TableHead>
            {roles.map((role) => (
              <TableHead key={role} className="text-center">
                {roleLabels[role]}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {capabilities.map((capability) => (
            <TableRow key={capability}>
              <th scope="row" className="px-4 py-2 font-normal normal-case tracking-normal text-zinc-800">
                {capabilityLabels[capability]}
              </th>
              {roles.map((role) => (
                <TableCell key={role} compact className="text-center">
                  {can(role, capability) ? (
                    <Check className="mx-auto size-4 text-emerald-600" aria-label="Yes" role="img" />
                  ) : (
                    <Minus className="mx-auto size-4 text-zinc-300" aria-label="No" role="img" />
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
