/** Who is answering. Defined with the facts so that stored cases can name it without the wizard. */
export { ROLES, type Role } from '../facts/roles';
