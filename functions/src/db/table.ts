/**
 * The one declaration of KetNoi's single DynamoDB table: keys, indexes, TTL and stream.
 * Local table creation, the ElectroDB entities and the infra construct all read it.
 */
export const tableDefinition = {
  partitionKey: "pk",
  sortKey: "sk",
  globalIndexes: [
    { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    { name: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  ],
  timeToLiveAttribute: "expiresAt",
  stream: "NEW_AND_OLD_IMAGES",
} as const;

/**
 * CreateTable input for DynamoDB Local and tests (on-demand billing, as in deploy). `stream: false` only for a
 * table no stream consumer reads (the routes bench): DynamoDB Local then keeps no stream record per write.
 */
export function createTableInput(tableName: string, options: { stream?: boolean } = {}) {
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: "S" as const })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" as const },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" as const },
        { AttributeName: index.sortKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
    ...(options.stream === false
      ? {}
      : { StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream } }),
  };
}
