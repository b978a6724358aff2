import { createClient, ConnectError, Code, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { AuthService, UserService, AddressService, ApiClientService } from "./gen/commerce/user/v1/user_pb.js";
import { CategoryService, ProductService, ReviewService } from "./gen/commerce/catalog/v1/catalog_pb.js";
import { CartService, CouponService, WishlistService } from "./gen/commerce/cart/v1/cart_pb.js";
import { AuditLogService } from "./gen/commerce/audit/v1/audit_pb.js";
import { OrderService } from "./gen/commerce/order/v1/order_pb.js";
import { anonymous, type AccessToken, type Credentials } from "./credentials.js";
import { Tokens } from "./tokens.js";

export * from "./credentials.js";
export * from "./errors.js";
export * as user from "./gen/commerce/user/v1/user_pb.js";
export * as catalog from "./gen/commerce/catalog/v1/catalog_pb.js";
export * as cart from "./gen/commerce/cart/v1/cart_pb.js";
export * as order from "./gen/commerce/order/v1/order_pb.js";
export * as audit from "./gen/commerce/audit/v1/audit_pb.js";
export * as money from "./gen/google/type/money_pb.js";

export interface CommerceClientOptions {
  /** The front door: the edge (http://127.0.0.1:8080 locally) or Envoy. */
  readonly baseUrl: string;
  readonly credentials?: Credentials;
  /** Renew a token this long before it expires (a minute). */
  readonly refreshAheadMs?: number;
  /** A fetch of your own (tests, older runtimes); the global one otherwise. */
  readonly fetch?: typeof globalThis.fetch;
  /**
   * Told of every new token (and of none after `use`): a page keeps it to resume the session
   * after a reload with `existingSession`, since a refresh token is single-use.
   */
  readonly onToken?: (token: AccessToken | undefined) => void;
}

/**
 * The mesh's internal RPCs (for its own services, design §9): the front door never routes them,
 * so the clients' types leave them out rather than offer calls that can only fail.
 */
type ProductClient = Omit<Client<typeof ProductService>, "batchGetProducts">;
type CartClient = Omit<Client<typeof CartService>, "redeemCoupon">;

function without<C extends object, K extends keyof C>(client: C, internal: K): Omit<C, K> {
  const external = { ...client };
  delete external[internal];
  return external;
}

/** One typed client per external service of the mesh, over grpc-web. */
export interface CommerceClient {
  readonly authService: Client<typeof AuthService>;
  readonly userService: Client<typeof UserService>;
  readonly addressService: Client<typeof AddressService>;
  readonly apiClientService: Client<typeof ApiClientService>;
  readonly categoryService: Client<typeof CategoryService>;
  readonly productService: ProductClient;
  readonly reviewService: Client<typeof ReviewService>;
  readonly cartService: CartClient;
  readonly wishlistService: Client<typeof WishlistService>;
  readonly couponService: Client<typeof CouponService>;
  readonly auditLogService: Client<typeof AuditLogService>;
  readonly orderService: Client<typeof OrderService>;
  /** The token calls carry now (obtained if there is none yet). */
  accessToken(): Promise<string | undefined>;
  /** Act as someone else from the next call on (after a login form, or to sign out with `anonymous()`). */
  use(credentials: Credentials): void;
}

/**
 * A client of the mesh over grpc-web, in browsers and in Node. Calls carry the current
 * token; one refused as unauthenticated is made once more with a renewed token.
 */
export function createCommerceClient(options: CommerceClientOptions): CommerceClient {
  const base = { baseUrl: options.baseUrl, fetch: options.fetch, useBinaryFormat: true };
  const tokens = new Tokens(options.credentials ?? anonymous(), createClient(AuthService, createGrpcWebTransport(base)),
    options.refreshAheadMs ?? 60_000, options.onToken);
  const bearer: Interceptor = (next) => async (request) => {
    const send = async () => {
      const token = await tokens.bearer();
      if (token) {
        request.header.set("authorization", `Bearer ${token}`);
      }
      return next(request);
    };
    try {
      return await send();
    } catch (e) {
      if (ConnectError.from(e).code === Code.Unauthenticated && tokens.rejected()) {
        return send();
      }
      throw e;
    }
  };
  const transport = createGrpcWebTransport({ ...base, interceptors: [bearer] });
  return {
    authService: createClient(AuthService, transport),
    userService: createClient(UserService, transport),
    addressService: createClient(AddressService, transport),
    apiClientService: createClient(ApiClientService, transport),
    categoryService: createClient(CategoryService, transport),
    productService: without(createClient(ProductService, transport), "batchGetProducts"),
    reviewService: createClient(ReviewService, transport),
    cartService: without(createClient(CartService, transport), "redeemCoupon"),
    wishlistService: createClient(WishlistService, transport),
    couponService: createClient(CouponService, transport),
    auditLogService: createClient(AuditLogService, transport),
    orderService: createClient(OrderService, transport),
    accessToken: () => tokens.bearer(),
    use: (credentials) => tokens.use(credentials),
  };
}
