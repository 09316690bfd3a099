// SCIM discovery documents, exactly as Langfuse v4.16.0 serves them (recordings 119–121).
export const SERVICE_PROVIDER_CONFIG = {
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
  ],
  "documentationUri": "https://langfuse.com/docs/administration/scim-and-org-api",
  "patch": {
    "supported": false
  },
  "bulk": {
    "supported": false,
    "maxOperations": 0,
    "maxPayloadSize": 0
  },
  "filter": {
    "supported": true,
    "maxResults": 100
  },
  "changePassword": {
    "supported": false
  },
  "sort": {
    "supported": false
  },
  "etag": {
    "supported": false
  },
  "authenticationSchemes": [
    {
      "name": "Basic Authentication",
      "description": "Authentication via HTTP Basic Auth",
      "specUri": "https://tools.ietf.org/html/rfc2617",
      "type": "httpbasic",
      "primary": true
    }
  ],
  "meta": {
    "resourceType": "ServiceProviderConfig",
    "location": "/api/public/scim/ServiceProviderConfig"
  }
};

export const RESOURCE_TYPES = {
  "schemas": [
    "urn:ietf:params:scim:api:messages:2.0:ListResponse"
  ],
  "totalResults": 1,
  "Resources": [
    {
      "schemas": [
        "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
      ],
      "id": "User",
      "name": "User",
      "endpoint": "/api/public/scim/Users",
      "description": "User Account",
      "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
      "schemaExtensions": [],
      "meta": {
        "resourceType": "ResourceType",
        "location": "/api/public/scim/ResourceTypes/User"
      }
    }
  ]
};

export const SCHEMAS = {
  "schemas": [
    "urn:ietf:params:scim:api:messages:2.0:ListResponse"
  ],
  "totalResults": 1,
  "Resources": [
    {
      "id": "urn:ietf:params:scim:schemas:core:2.0:User",
      "name": "User",
      "description": "User Account",
      "attributes": [
        {
          "name": "id",
          "type": "string",
          "multiValued": false,
          "description": "Unique identifier for the User",
          "required": true,
          "caseExact": true,
          "mutability": "readOnly",
          "returned": "always",
          "uniqueness": "server"
        },
        {
          "name": "userName",
          "type": "string",
          "multiValued": false,
          "description": "Unique identifier for the User, typically the email address",
          "required": true,
          "caseExact": false,
          "mutability": "readWrite",
          "returned": "always",
          "uniqueness": "server"
        },
        {
          "name": "name",
          "type": "complex",
          "multiValued": false,
          "description": "The components of the user's name",
          "required": false,
          "subAttributes": [
            {
              "name": "formatted",
              "type": "string",
              "multiValued": false,
              "description": "The user's full name",
              "required": false,
              "caseExact": false,
              "mutability": "readWrite",
              "returned": "default",
              "uniqueness": "none"
            }
          ],
          "mutability": "readWrite",
          "returned": "default",
          "uniqueness": "none"
        },
        {
          "name": "emails",
          "type": "complex",
          "multiValued": true,
          "description": "Email addresses for the user",
          "required": false,
          "subAttributes": [
            {
              "name": "value",
              "type": "string",
              "multiValued": false,
              "description": "Email address value",
              "required": false,
              "caseExact": false,
              "mutability": "readWrite",
              "returned": "default",
              "uniqueness": "none"
            },
            {
              "name": "primary",
              "type": "boolean",
              "multiValued": false,
              "description": "Primary email indicator",
              "required": false,
              "mutability": "readWrite",
              "returned": "default",
              "uniqueness": "none"
            },
            {
              "name": "type",
              "type": "string",
              "multiValued": false,
              "description": "Email type (work, home, other)",
              "required": false,
              "caseExact": false,
              "mutability": "readWrite",
              "returned": "default",
              "uniqueness": "none"
            }
          ],
          "mutability": "readWrite",
          "returned": "default",
          "uniqueness": "none"
        },
        {
          "name": "meta",
          "type": "complex",
          "multiValued": false,
          "description": "Resource metadata",
          "required": false,
          "subAttributes": [
            {
              "name": "resourceType",
              "type": "string",
              "multiValued": false,
              "description": "The resource type",
              "required": false,
              "caseExact": true,
              "mutability": "readOnly",
              "returned": "default",
              "uniqueness": "none"
            },
            {
              "name": "created",
              "type": "dateTime",
              "multiValued": false,
              "description": "The resource creation time",
              "required": false,
              "mutability": "readOnly",
              "returned": "default",
              "uniqueness": "none"
            },
            {
              "name": "lastModified",
              "type": "dateTime",
              "multiValued": false,
              "description": "The resource last modification time",
              "required": false,
              "mutability": "readOnly",
              "returned": "default",
              "uniqueness": "none"
            }
          ],
          "mutability": "readOnly",
          "returned": "default",
          "uniqueness": "none"
        }
      ],
      "meta": {
        "resourceType": "Schema",
        "location": "/api/public/scim/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"
      }
    }
  ]
};
