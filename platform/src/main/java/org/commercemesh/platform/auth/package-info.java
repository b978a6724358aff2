/**
 * Mesh-wide authentication (design §9). user-svc issues RS256 access tokens; every service
 * verifies them here with the public key ({@code mp.jwt.verify.publickey.location}), through
 * {@link org.commercemesh.platform.auth.BearerTokenMechanism} and SmallRye JWT. Endpoints
 * declare access with {@code @RolesAllowed}/{@code @PermitAll} and read the caller from
 * {@link org.commercemesh.platform.auth.Caller}.
 */
package org.commercemesh.platform.auth;
