// The request page loads like the list.
export { default } from "../loading";
